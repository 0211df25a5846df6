/**
 * Factuursturen rejects a client whose fields are longer than documented (zipcode 7, phone/mobile 13,
 * contact/company/address/address_addon/city 50, taxnumber 18, email 255). The rule, in order:
 *  - every value is trimmed and inner whitespace collapsed;
 *  - lengths are counted in UTF-8 BYTES (Factuursturen runs on PHP, whose strlen counts bytes; this is
 *    the stricter reading, so a value that passes here passes either way);
 *  - phone: a "(0)" after the country code, spaces, dots, dashes, slashes and brackets are removed,
 *    and a leading "00" becomes "+";
 *  - zipcode: upper-cased; if too long, spaces are removed; if still too long, the zipcode field stays
 *    empty and the postcode is written in front of the city;
 *  - address: if too long, it is split at a word boundary (space, or after a hyphen): the rest goes to
 *    address_addon;
 *  - contact, company, city (and whatever still does not fit): shortened at a word boundary, ending "...";
 *  - a phone number or VAT number that still does not fit is left out of its field;
 * and whenever a value was shortened, moved or left out, the FULL value is written to the client's
 * `notes`, so nothing is lost silently.
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

export const clean = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

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
	if (utf8Length(text) <= maxBytes) return text;
	return prefixWithin(text, maxBytes - ELLIPSIS.length) + ELLIPSIS;
}

/** splits an over-long address over two fields at a word boundary (a space, or after a hyphen) */
export function splitAddress(text: string, maxBytes: number): { address: string; addon: string; complete: boolean } {
	if (utf8Length(text) <= maxBytes) return { address: text, addon: '', complete: true };
	const first = prefixWithin(text, maxBytes, true);
	const rest = text.slice(first.length).trim();
	const addon = shorten(rest, maxBytes);
	return { address: first, addon, complete: addon === rest };
}

export function normalizePhone(text: string): string {
	// "+31 (0)20 …": the bracketed trunk zero is not dialled after a country code
	const compact = clean(text).replace(/^(\+\d{1,3})\s*\(0\)/, '$1').replace(/[\s.\-/()]/g, '');
	return compact.startsWith('00') ? '+' + compact.slice(2) : compact;
}

export function normalizeZipcode(text: string, maxBytes: number): string {
	const upper = clean(text).toUpperCase();
	return utf8Length(upper) <= maxBytes ? upper : upper.replace(/\s/g, '');
}
