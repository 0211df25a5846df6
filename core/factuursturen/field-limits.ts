/**
 * Factuursturen rejects a client whose fields are longer than documented (zipcode 7, phone/mobile 13,
 * contact/company/address/address_addon/city 50, taxnumber 18, email 255; notes are capped at 10,000 like
 * the API's free-text fields). The rule, written once for the debtor builder and the node's client fields:
 *  - every value is trimmed and inner whitespace collapsed;
 *  - lengths are counted in UTF-8 BYTES (Factuursturen runs on PHP, whose strlen counts bytes; this is
 *    the stricter reading, so a value that passes here passes either way);
 *  - phone: a "(0)" after the country code, spaces, dots, dashes, slashes and brackets are removed,
 *    and a leading "00" becomes "+";
 *  - zipcode: upper-cased; if too long, spaces are removed; if still too long, the zipcode field stays
 *    empty and the postcode is written in front of the city;
 *  - address: if too long, the house number stays in `address` (invoices copy only that line) behind the
 *    street shortened with "..."; the rest of the street goes to address_addon;
 *  - contact, company, city (and whatever still does not fit): shortened at a word boundary, ending "...";
 *  - a phone number or VAT number that still does not fit is left out of its field;
 * and whenever a value was shortened, split, moved or left out, the FULL value is written to the client's
 * `notes` (themselves capped), so nothing is lost silently.
 */

export const CLIENT_FIELD_LIMITS = {
	contact: 50,
	company: 50,
	address: 50,
	address_addon: 50,
	city: 50,
	zipcode: 7,
	phone: 13,
	mobile: 13,
	taxnumber: 18,
	email: 255,
	notes: 10_000,
	addon: 255,
	mailintro: 128,
	bankcode: 32,
	biccode: 32,
	mandate_id: 35,
} as const;

/** invoice texts: a line description and each reference line */
export const INVOICE_FIELD_LIMITS = {
	lineDescription: 10_000,
	referenceLine: 255,
	alreadypaidmethod: 32,
} as const;

const ELLIPSIS = '...';

export function utf8Length(text: string): number {
	let n = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0) as number;
		n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	}
	return n;
}

export const clean = (value: string | null | undefined): string =>
	(value ?? '').replace(/\s+/g, ' ').trim();

/**
 * the longest prefix of whole characters within `maxBytes`; when that cuts a word, it backs up to the
 * last space (or, with `hyphens`, to just after the last hyphen) if that lies in the second half
 */
function prefixWithin(text: string, maxBytes: number, hyphens = false): string {
	let bytes = 0;
	let end = 0;
	for (const ch of text) {
		const size = utf8Length(ch);
		if (bytes + size > maxBytes) break;
		bytes += size;
		end += ch.length;
	}
	let cut = text.slice(0, end);
	if (end < text.length && text[end] !== ' ') {
		const space = cut.lastIndexOf(' ');
		const hyphen = hyphens ? cut.lastIndexOf('-') + 1 : 0;
		const boundary = Math.max(space, hyphen);
		if (boundary >= cut.length / 2) cut = cut.slice(0, boundary);
	}
	return cut.trimEnd();
}

/** shortens to `maxBytes` at a word boundary, ending in "..." */
export function shorten(text: string, maxBytes: number): string {
	// a UTF-16 code unit is at most 3 UTF-8 bytes: most texts fit without counting
	if (text.length * 3 <= maxBytes || utf8Length(text) <= maxBytes) return text;
	return prefixWithin(text, maxBytes - ELLIPSIS.length) + ELLIPSIS;
}

/** the house number at the end of an address line ("12", "123 bis-A", "4-II"): the last word starting with a digit, and what follows it */
const HOUSE_NUMBER = /\s(\d[^\s]*(?:\s[^\s]+){0,2})$/;
const MAX_HOUSE_NUMBER_BYTES = 20;

/**
 * splits an over-long address over two fields. With a house number at the end, `address` is the street
 * shortened with "..." followed by the house number, and address_addon the rest of the street; otherwise
 * it is split at a word boundary (a space, or after a hyphen). `split` says whether anything moved.
 */
export function splitAddress(
	text: string,
	maxBytes: number,
): { address: string; addon: string; split: boolean } {
	if (utf8Length(text) <= maxBytes) return { address: text, addon: '', split: false };
	const number = HOUSE_NUMBER.exec(text)?.[1] ?? '';
	const numberBytes = utf8Length(number);
	if (number && numberBytes <= MAX_HOUSE_NUMBER_BYTES) {
		const street = text.slice(0, text.length - number.length).trim();
		const head = prefixWithin(street, maxBytes - numberBytes - 1 - ELLIPSIS.length, true);
		const rest = street.slice(head.length).trim();
		return { address: `${head}${ELLIPSIS} ${number}`, addon: shorten(rest, maxBytes), split: true };
	}
	const first = prefixWithin(text, maxBytes, true);
	return { address: first, addon: shorten(text.slice(first.length).trim(), maxBytes), split: true };
}

export function normalizePhone(text: string): string {
	// "+31 (0)20 …": the bracketed trunk zero is not dialled after a country code
	const compact = clean(text)
		.replace(/^(\+\d{1,3})\s*\(0\)/, '$1')
		.replace(/[\s.\-/()]/g, '');
	return compact.startsWith('00') ? '+' + compact.slice(2) : compact;
}

export function normalizeZipcode(text: string, maxBytes: number): string {
	const upper = clean(text).toUpperCase();
	return utf8Length(upper) <= maxBytes ? upper : upper.replace(/\s/g, '');
}

/** a client field as given and as sent, when the rule changed it */
export interface FittedField {
	field: string;
	given: string;
	sent: string;
}

/** how notes name each field (Dutch, like the rest of what Factuursturen shows the shop owner) */
const NOTE_LABEL: Record<string, string> = {
	taxnumber: 'Btw-nummer',
	contact: 'Naam',
	company: 'Bedrijf',
	address: 'Adres',
	zipcode: 'Postcode',
	city: 'Plaats',
	phone: 'Telefoon',
	mobile: 'Mobiel',
	addon: 'Toevoeging',
	mailintro: 'Aanhef',
	bankcode: 'IBAN',
	biccode: 'BIC',
	mandate_id: 'Machtigingskenmerk',
};

/**
 * `notes` for a client: what was there, then a header and the full value of every changed field; capped at
 * the notes limit (the longest values lose their end first, each keeping its label).
 */
export function notesWithFullValues(
	existing: string,
	header: string,
	fitted: FittedField[],
): string {
	if (fitted.length === 0) return shorten(existing, CLIENT_FIELD_LIMITS.notes);
	const before = existing.trim()
		? `${shorten(existing.trim(), CLIENT_FIELD_LIMITS.notes / 2)}\n`
		: '';
	const lines = fitted.map((f) => ({
		label: `${NOTE_LABEL[f.field] ?? f.field}: `,
		value: f.given,
	}));
	const fixed =
		utf8Length(before) +
		utf8Length(header) +
		lines.reduce((n, l) => n + 1 + utf8Length(l.label), 0);
	let budget = CLIENT_FIELD_LIMITS.notes - fixed;
	if (budget < lines.length * 8) return shorten(`${before}${header}`, CLIENT_FIELD_LIMITS.notes);
	// fair shares: short values whole, the long ones share what is left
	const sorted = [...lines].sort((a, b) => utf8Length(a.value) - utf8Length(b.value));
	const allowance = new Map<(typeof lines)[number], number>();
	sorted.forEach((l, k) => {
		const share = Math.floor(budget / (sorted.length - k));
		const size = Math.min(utf8Length(l.value), share);
		allowance.set(l, size);
		budget -= size;
	});
	const body = lines
		.map((l) => `${l.label}${shorten(l.value, allowance.get(l) as number)}`)
		.join('\n');
	return `${before}${header}\n${body}`;
}

/** the phone rule: compacted, or left out when it still does not fit */
function fitPhone(given: string, max: number): string {
	const value = normalizePhone(given);
	return utf8Length(value) > max ? '' : value;
}

/**
 * Fits the client fields present in `input` (strings; other values pass through) to the documented lengths.
 * Returns the fitted fields and every field whose value changed beyond cleaning. A given `address_addon` is
 * joined to an over-long address before it is split again.
 */
export function fitClientFields<T extends Record<string, unknown>>(
	input: T,
): { fields: T & { address_addon?: string }; fitted: FittedField[] } {
	const fields: Record<string, unknown> = { ...input };
	const fitted: FittedField[] = [];
	const note = (field: string, given: string, sent: string) => {
		if (given !== sent) fitted.push({ field, given, sent });
	};
	const str = (key: string): string | null =>
		typeof fields[key] === 'string' ? clean(fields[key] as string) : null;

	const vat = str('taxnumber');
	if (vat !== null) {
		fields.taxnumber = utf8Length(vat) > CLIENT_FIELD_LIMITS.taxnumber ? '' : vat;
		if (fields.taxnumber === '') note('taxnumber', vat, '');
	}
	const contact = str('contact');
	if (contact !== null) {
		fields.contact = shorten(contact, CLIENT_FIELD_LIMITS.contact);
		note('contact', contact, fields.contact as string);
	}
	const company = str('company');
	if (company !== null) {
		fields.company = shorten(company, CLIENT_FIELD_LIMITS.company);
		note('company', company, fields.company as string);
	}
	const address = str('address');
	const addon = str('address_addon');
	if (address !== null && utf8Length(address) > CLIENT_FIELD_LIMITS.address) {
		const full = clean(`${address} ${addon ?? ''}`);
		const split = splitAddress(full, CLIENT_FIELD_LIMITS.address);
		fields.address = split.address;
		fields.address_addon = split.addon;
		// the whole address, always: an invoice copies only `address`, and a reader needs both halves together
		fitted.push({ field: 'address', given: full, sent: clean(`${split.address} ${split.addon}`) });
	} else if (addon !== null) {
		fields.address_addon = shorten(addon, CLIENT_FIELD_LIMITS.address_addon);
		if (fields.address_addon !== addon)
			note(
				'address',
				clean(`${address ?? ''} ${addon}`),
				clean(`${address ?? ''} ${fields.address_addon as string}`),
			);
	}
	const zip = str('zipcode');
	let city = str('city');
	const cityGiven = city;
	if (zip !== null) {
		const normalized = normalizeZipcode(zip, CLIENT_FIELD_LIMITS.zipcode);
		if (utf8Length(normalized) > CLIENT_FIELD_LIMITS.zipcode) {
			city = clean(`${normalized} ${city ?? ''}`);
			fields.zipcode = '';
			note('zipcode', zip, '');
		} else fields.zipcode = normalized;
	}
	if (city !== null) {
		fields.city = shorten(city, CLIENT_FIELD_LIMITS.city);
		// moving the postcode in front is noted under Postcode; only a shortened city is noted here
		if (fields.city !== city)
			note('city', cityGiven === city ? city : (cityGiven ?? ''), fields.city as string);
	}
	for (const key of ['phone', 'mobile'] as const) {
		const given = str(key);
		if (given === null) continue;
		fields[key] = fitPhone(given, CLIENT_FIELD_LIMITS[key]);
		if (fields[key] === '' && given !== '') note(key, given, '');
	}
	// free texts are shortened; a code (IBAN, BIC, mandate) that does not fit cannot be right and is left out
	for (const key of ['addon', 'mailintro'] as const) {
		const given = str(key);
		if (given === null) continue;
		fields[key] = shorten(given, CLIENT_FIELD_LIMITS[key]);
		note(key, given, fields[key] as string);
	}
	for (const key of ['bankcode', 'biccode', 'mandate_id'] as const) {
		const given = str(key);
		if (given === null || utf8Length(given) <= CLIENT_FIELD_LIMITS[key]) continue;
		fields[key] = '';
		note(key, given, '');
	}
	return { fields: fields as T & { address_addon?: string }, fitted };
}
