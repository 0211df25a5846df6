/**
 * Factuursturen sends every scalar as a string ("true", "30", "62.92"). Records this node outputs are
 * normalised so workflows can use them directly:
 * - known boolean fields → true/false ("true"/"false", "1"/"0");
 * - known count fields (payment term days, standard discount, stock) and VAT percentages ("21", "5.5") → numbers;
 * - money stays a decimal string ("62.92") so nobody does float arithmetic on it;
 * - ids and numbers used as ids (clientnr, invoicenr, id, profile, category, country) stay strings.
 */
import type { IDataObject } from 'n8n-workflow';

const BOOLEAN_FIELDS = new Set([
	'showcontact',
	'tax_shifted',
	'notes_on_invoice',
	'active',
	'default',
	'collection',
	'stock_use',
	'email_reminder',
	'default_email',
]);

const INTEGER_FIELDS = new Set(['top', 'stddiscount', 'paymentperiod', 'stock']);
/** VAT percentages: not money, and Factuursturen's own JSON has them as numbers elsewhere (line tax_rate) */
const PERCENTAGE_FIELDS = new Set(['percentage', 'taxes']);

export function toBoolean(value: unknown): boolean | unknown {
	if (value === true || value === 'true' || value === '1' || value === 1) return true;
	if (value === false || value === 'false' || value === '0' || value === 0 || value === '')
		return false;
	return value;
}

function toInteger(value: unknown): number | unknown {
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	return value;
}

function toPercentage(value: unknown): number | unknown {
	if (typeof value === 'string' && /^\d{1,3}(\.\d{1,4})?$/.test(value.trim()))
		return Number(value.trim());
	return value;
}

/** Normalises one record (client, invoice, product, tax, profile…) in place of a copy; nested objects too. */
export function normalizeRecord<T>(record: T): T {
	if (Array.isArray(record)) return record.map((r) => normalizeRecord(r)) as T;
	if (!record || typeof record !== 'object') return record;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record as IDataObject)) {
		if (BOOLEAN_FIELDS.has(key) && (typeof value === 'string' || typeof value === 'number'))
			out[key] = toBoolean(value) as boolean;
		else if (INTEGER_FIELDS.has(key) && typeof value === 'string')
			out[key] = toInteger(value) as number;
		else if (PERCENTAGE_FIELDS.has(key) && typeof value === 'string')
			out[key] = toPercentage(value) as number;
		else if (value && typeof value === 'object') out[key] = normalizeRecord(value) as IDataObject;
		else out[key] = value;
	}
	return out as T;
}

/**
 * A created object's number from a 201 answer: plain text ("58", " F2024-057\n"), which axios may already
 * have parsed as JSON (58). Returned as a trimmed string.
 */
export function createdId(body: unknown): string | null {
	if (typeof body === 'number' && Number.isFinite(body)) return String(body);
	if (typeof body === 'string') {
		const t = body
			.trim()
			.replace(/^"(.*)"$/, '$1')
			.trim();
		return t === '' ? null : t;
	}
	if (body && typeof body === 'object') {
		const o = body as IDataObject;
		for (const key of ['id', 'invoicenr', 'clientnr']) {
			if (typeof o[key] === 'string' || typeof o[key] === 'number') return String(o[key]).trim();
		}
	}
	return null;
}

/** A list answer as an array (some answers wrap single objects, legacy ones return {} for none). */
export function asArray(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.filter((x) => x && typeof x === 'object') as IDataObject[];
	if (body && typeof body === 'object') {
		const values = Object.values(body as IDataObject);
		if (values.length > 0 && values.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
			return values as IDataObject[];
		}
	}
	return [];
}

export { emailKey } from '../../../core/booking/debtor-choice';
