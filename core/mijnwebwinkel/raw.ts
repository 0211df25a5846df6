/**
 * Reading the raw Mijnwebwinkel JSON defensively. The live API and the spec disagree on shapes (see
 * docs/api-readings.md "Shapes that vary"): an object may come as a one-element array, an empty object as a
 * PHP empty array `[]`, a string as a JSON number. These helpers absorb that once, so the mappers read
 * plain values.
 */
import { OrderRefusal } from '../errors';
import { MoneyFormatError, parseCents, parseMicros, parseRateHundredths } from '../money';

export type RawRecord = Record<string, unknown>;

export const isRecord = (v: unknown): v is RawRecord =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** an object, or {} for anything else (PHP serialises an empty object as `[]`) */
export const recordOf = (v: unknown): RawRecord => (isRecord(v) ? v : {});

/** object-or-array-of-objects → array (`price.tax`, `orderlines[].price`) */
export function listOf(v: unknown): unknown[] {
	if (Array.isArray(v)) return v;
	if (isRecord(v)) return [v];
	return [];
}

/** a string field that may arrive as a number; anything else → '' */
export function textOf(v: unknown): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return '';
}

/** what `\s` matches (and `trim` removes) */
function isSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 160) return false;
	return (
		c === 160 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/** true when cleanText would change nothing: no white space at either end, none but single spaces inside */
function isClean(s: string): boolean {
	const n = s.length;
	let previousSpace = true; // a space at the start is not clean
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c > 32 && c < 127) {
			previousSpace = false;
		} else if (c === 32) {
			if (previousSpace) return false;
			previousSpace = true;
		} else if (isSpace(c)) {
			return false;
		} else {
			previousSpace = false;
		}
	}
	return !previousSpace || n === 0;
}

/** textOf(v).trim() === '', without making the trimmed string */
export function isBlank(v: unknown): boolean {
	const text = textOf(v);
	for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
	return true;
}

/** trimmed, inner runs of white space collapsed: names and addresses typed by customers */
export function cleanText(v: unknown): string {
	const text = textOf(v);
	// most fields are already clean: skip the regex and the two new strings
	return isClean(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** The refusal for data that is not in the shape the API promises. */
export function malformed(
	orderNumber: string | null,
	message: string,
	details: Record<string, unknown> = {},
): OrderRefusal {
	return new OrderRefusal(
		'malformed_order',
		message,
		'The order data from Mijnwebwinkel is not in the documented shape. Open the order in Mijnwebwinkel and check it; if it looks right there, report this order number with the message so the mapping can be extended.',
		orderNumber,
		details,
	);
}

function money<T>(
	parse: (v: unknown, what?: string) => T,
	v: unknown,
	what: string,
	orderNumber: string,
): T {
	try {
		return parse(v, what);
	} catch (e) {
		// the money parser throws only MoneyFormatError; any failure means the field is not an amount
		const message = e instanceof MoneyFormatError ? e.message : `${what}: not a decimal amount`;
		throw malformed(orderNumber, message, { field: what, value: v ?? null });
	}
}

export const centsOf = (v: unknown, what: string, orderNumber: string): number =>
	money(parseCents, v, what, orderNumber);
export const microsOf = (v: unknown, what: string, orderNumber: string): number =>
	money(parseMicros, v, what, orderNumber);
export const rateOf = (v: unknown, what: string, orderNumber: string): number =>
	money(parseRateHundredths, v, what, orderNumber);

/**
 * The same as centsOf/microsOf/rateOf, but the field name (`prefix` + `field`, e.g. "orderlines[2].price" +
 * ".amount") is only put together when the value is not an amount: that text is needed for the refusal alone.
 */
function moneyAt(
	parse: (v: unknown, what?: string) => number,
	v: unknown,
	prefix: string,
	index: number,
	suffix: string,
	orderNumber: string,
): number {
	try {
		return parse(v);
	} catch {
		// parsing again with the field name gives exactly the refusal centsOf/microsOf/rateOf would give
		return money(parse, v, `${prefix}[${index}]${suffix}`, orderNumber);
	}
}

export const centsAt = (
	v: unknown,
	prefix: string,
	index: number,
	suffix: string,
	orderNumber: string,
): number => moneyAt(parseCents, v, prefix, index, suffix, orderNumber);
export const microsAt = (
	v: unknown,
	prefix: string,
	index: number,
	suffix: string,
	orderNumber: string,
): number => moneyAt(parseMicros, v, prefix, index, suffix, orderNumber);
export const rateAt = (
	v: unknown,
	prefix: string,
	index: number,
	suffix: string,
	orderNumber: string,
): number => moneyAt(parseRateHundredths, v, prefix, index, suffix, orderNumber);
