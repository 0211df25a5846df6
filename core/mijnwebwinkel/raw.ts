/**
 * Reading the raw Mijnwebwinkel JSON defensively. The live API and the spec disagree on shapes (see
 * ASSUMPTIONS.md "Shapes that vary"): an object may come as a one-element array, an empty object as a
 * PHP empty array `[]`, a string as a JSON number. These helpers absorb that once, so the mappers read
 * plain values.
 */
import { OrderRefusal } from '../errors';
import { MoneyFormatError, parseCents, parseMicros, parseRateHundredths } from '../money';

export type RawRecord = Record<string, unknown>;

export const isRecord = (v: unknown): v is RawRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

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

/** trimmed, inner runs of white space collapsed: names and addresses typed by customers */
export const cleanText = (v: unknown): string => textOf(v).replace(/\s+/g, ' ').trim();

/** The refusal for data that is not in the shape the API promises. */
export function malformed(orderNumber: string | null, message: string, details: Record<string, unknown> = {}): OrderRefusal {
	return new OrderRefusal(
		'malformed_order',
		message,
		'The order data from Mijnwebwinkel is not in the documented shape. Open the order in Mijnwebwinkel and check it; if it looks right there, report this order number with the message so the mapping can be extended.',
		orderNumber,
		details,
	);
}

function money<T>(parse: (v: unknown, what?: string) => T, v: unknown, what: string, orderNumber: string): T {
	try {
		return parse(v, what);
	} catch (e) {
		// the money parser throws only MoneyFormatError; any failure means the field is not an amount
		const message = e instanceof MoneyFormatError ? e.message : `${what}: not a decimal amount`;
		throw malformed(orderNumber, message, { field: what, value: v ?? null });
	}
}

export const centsOf = (v: unknown, what: string, orderNumber: string): number => money(parseCents, v, what, orderNumber);
export const microsOf = (v: unknown, what: string, orderNumber: string): number => money(parseMicros, v, what, orderNumber);
export const rateOf = (v: unknown, what: string, orderNumber: string): number => money(parseRateHundredths, v, what, orderNumber);
