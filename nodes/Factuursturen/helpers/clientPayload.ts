/**
 * Client bodies from node parameters. Empty values are left out (Factuursturen keeps its defaults), and the
 * documented field lengths are applied by the core's rule (fitClientLengths), so nothing is sent only to be rejected.
 */
import type { IDataObject } from 'n8n-workflow';
import { fitClientFields, notesWithFullValues } from '../../../core/factuursturen/field-limits';
import { normalizeEuVatNumber } from '../../../core/vat/vat-number';

/** Fields Factuursturen returns but does not accept back. */
const READ_ONLY = new Set(['clientnr', 'lastinvoice', 'timestamp']);

export function clientBodyFromFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		body[key] = typeof value === 'string' ? value.trim() : value;
	}
	for (const key of ['phone', 'mobile'])
		if (typeof body[key] === 'string') body[key] = (body[key] as string).replace(/\s+/g, '');
	return body;
}

/** An existing client as read back, turned into a full PUT body (PUT needs all required fields). */
export function clientBodyFromRecord(record: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(record)) if (!READ_ONLY.has(key)) body[key] = value;
	return body;
}

/**
 * A client body fitted to Factuursturen's documented lengths by the core's rule (field-limits.ts), the full
 * value of every changed field added to `notes`. `shortened` lists them for the node's output.
 */
export function fitClientLengths(input: IDataObject): {
	body: IDataObject;
	shortened: IDataObject[];
} {
	const given = { ...input };
	if (typeof given.taxnumber === 'string') given.taxnumber = normalizeEuVatNumber(given.taxnumber);
	if (typeof given.email === 'string') given.email = given.email.trim();
	const { fields, fitted } = fitClientFields(given);
	const body: IDataObject = { ...fields };
	if (fitted.length || typeof body.notes === 'string')
		body.notes = notesWithFullValues(
			typeof body.notes === 'string' ? body.notes : '',
			'Volledige gegevens (ingekort voor Factuursturen):',
			fitted,
		);
	return { body, shortened: fitted.map((f) => ({ field: f.field, given: f.given, sent: f.sent })) };
}
