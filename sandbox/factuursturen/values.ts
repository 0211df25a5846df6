/**
 * Input/output value handling shared by the Factuursturen sandbox: request bodies arrive as JSON or as
 * form fields (`lines[0][amount]=2`, booleans as 'true'/'false'), and responses stringify every scalar.
 */

/** A validation failure: answered as a plain-text body with `status` (400 unless stated), like the real API. */
export class ApiError extends Error {
	constructor(
		message: string,
		readonly status = 400,
	) {
		super(message);
	}
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns flat form keys into nested objects, as PHP's http_build_query/parse_str pair does:
 * `lines[0][amount]` → `{lines: {"0": {amount}}}`. JSON bodies pass through untouched.
 */
export function unflatten(body: unknown): Obj {
	if (!isObj(body)) return {};
	const out: Obj = {};
	for (const [key, value] of Object.entries(body)) {
		const m = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
		if (!m) {
			out[key] = value;
			continue;
		}
		const path = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])];
		let node: Obj = out;
		path.forEach((part, i) => {
			const k = part === '' ? String(Object.keys(node).length) : part;
			if (i === path.length - 1) {
				node[k] = value;
			} else {
				if (!isObj(node[k])) node[k] = {};
				node = node[k] as Obj;
			}
		});
	}
	return out;
}

/** Reads an optional text field; numbers are accepted and turned into their text. */
export function text(body: Obj, field: string, max?: number, label = field): string | undefined {
	const v = body[field];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
		throw new ApiError(
			`${label}: expected a text value, got ${Array.isArray(v) ? 'an array' : typeof v}`,
		);
	}
	const s = String(v);
	if (max !== undefined && [...s].length > max) {
		throw new ApiError(
			`${label}: maximum length is ${max} characters, got ${[...s].length} ("${s}")`,
		);
	}
	return s;
}

/** Booleans as JSON true/false, 'true'/'false', 1/0 or '1'/'0'. */
export function bool(body: Obj, field: string, label = field): boolean | undefined {
	const v = body[field];
	if (v === undefined || v === null || v === '') return undefined;
	if (v === true || v === 'true' || v === 1 || v === '1') return true;
	if (v === false || v === 'false' || v === 0 || v === '0') return false;
	throw new ApiError(`${label}: expected true or false, got "${String(v)}"`);
}

/** Whole numbers as JSON numbers or digit strings. */
export function int(body: Obj, field: string, label = field): number | undefined {
	const v = body[field];
	if (v === undefined || v === null || v === '') return undefined;
	const s = String(v).trim();
	if (!/^-?\d+$/.test(s))
		throw new ApiError(`${label}: expected a whole number, got "${String(v)}"`);
	return Number(s);
}

export const boolText = (b: boolean): string => (b ? 'true' : 'false');

/** A number for a JSON field the real API sends as a number (line amount/price): from exact decimal text. */
export const jsonNumber = (decimalText: string): number => Number(decimalText);

/** Deep merge used by the mutateInvoice control hook: objects merge, everything else replaces. */
export function deepMerge(target: Obj, patch: Obj): Obj {
	for (const [k, v] of Object.entries(patch)) {
		if (isObj(v) && isObj(target[k])) deepMerge(target[k] as Obj, v);
		else target[k] = v;
	}
	return target;
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
