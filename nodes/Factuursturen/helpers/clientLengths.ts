/**
 * Client fields given by the user (Create, Update, Get or Create from fields) are fitted to Factuursturen's
 * documented lengths with the core's rule (core/factuursturen/field-limits.ts): phone numbers compacted,
 * a long zipcode without spaces or moved in front of the city, a long address split into address_addon,
 * names shortened at a word boundary with "...", and every changed value kept in full in `notes`.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	CLIENT_FIELD_LIMITS as LIMIT,
	clean,
	normalizePhone,
	normalizeZipcode,
	shorten,
	splitAddress,
	utf8Length,
} from '../../../core/factuursturen/field-limits';
import { normalizeEuVatNumber } from '../../../core/vat/vat-number';

export interface FittedClient {
	body: IDataObject;
	/** fields whose value was changed to fit: { field, given, sent } */
	shortened: IDataObject[];
}

export function fitClientLengths(input: IDataObject): FittedClient {
	const body: IDataObject = { ...input };
	const shortened: IDataObject[] = [];
	const note = (field: string, given: string, sent: string) => {
		if (given !== sent) shortened.push({ field, given, sent });
	};
	const str = (key: string): string | null => (typeof body[key] === 'string' ? clean(body[key] as string) : null);

	for (const key of ['phone', 'mobile']) {
		const given = str(key);
		if (given === null) continue;
		let value = normalizePhone(given);
		if (utf8Length(value) > LIMIT[key as 'phone']) value = '';
		if (value === '' && given !== '') note(key, given, '');
		body[key] = value;
	}
	const zipGiven = str('zipcode');
	if (zipGiven !== null) {
		const zip = normalizeZipcode(zipGiven, LIMIT.zipcode);
		if (utf8Length(zip) > LIMIT.zipcode) {
			body.city = clean(`${zip} ${str('city') ?? ''}`);
			body.zipcode = '';
			note('zipcode', zipGiven, '');
		} else body.zipcode = zip;
	}
	const addressGiven = str('address');
	if (addressGiven !== null && utf8Length(addressGiven) > LIMIT.address) {
		const addonGiven = str('address_addon') ?? '';
		const split = splitAddress(clean(`${addressGiven} ${addonGiven}`), LIMIT.address);
		body.address = split.address;
		body.address_addon = split.addon;
		note('address', clean(`${addressGiven} ${addonGiven}`), clean(`${split.address} ${split.addon}`));
	}
	for (const key of ['contact', 'company', 'city', 'address_addon'] as const) {
		const given = str(key);
		if (given === null) continue;
		const value = shorten(given, LIMIT[key]);
		if (key !== 'address_addon' || !shortened.some((s) => s.field === 'address')) note(key, given, value);
		body[key] = value;
	}
	const vat = str('taxnumber');
	if (vat !== null) {
		const compact = normalizeEuVatNumber(vat);
		body.taxnumber = utf8Length(compact) > LIMIT.taxnumber ? '' : compact;
		if (body.taxnumber === '' && compact !== '') note('taxnumber', vat, '');
	}
	const email = str('email');
	if (email !== null) body.email = email;

	if (shortened.length) {
		const lines = shortened.map((s) => `${String(s.field)}: ${String(s.given)}`).join('\n');
		const existing = typeof body.notes === 'string' && body.notes.trim() ? `${body.notes.trim()}\n` : '';
		body.notes = `${existing}Volledige gegevens (ingekort voor Factuursturen):\n${lines}`;
	}
	return { body, shortened };
}
