/**
 * A compiled fast path for zod validation. zod 3 allocates a context, a lazy path and a result object for
 * every field it visits, which made validating the canonical order the slowest step of the mapper. Here
 * the schema's own definition is read ONCE and turned into plain checks for the kinds of schema the
 * canonical order uses (object, string with min/max/length/regex, (integer) number, boolean, literal, enum,
 * nullable, array). Any other kind (effects, transforms, defaults, optional, unions, …) makes the compiler
 * return null, and the caller uses zod alone.
 *
 * The contract: when the fast check says true, zod's safeParse would succeed AND return a value deep-equal
 * to the input (same keys, same order: objects must hold exactly the schema's keys, in the schema's order,
 * with a plain prototype; arrays are compared by their elements, as JSON has nothing else). It may say false
 * for values zod accepts (e.g. extra keys zod would strip); the caller then runs zod itself, which also gives
 * the error messages. So the result is always zod's.
 */
import type { ZodTypeAny } from 'zod';

export type FastCheck = (value: unknown) => boolean;

interface Def {
	typeName?: string;
	coerce?: boolean;
	checks?: Array<{ kind: string; value?: number; inclusive?: boolean; regex?: RegExp }>;
	value?: unknown;
	values?: unknown[];
	innerType?: ZodTypeAny;
	type?: ZodTypeAny;
	exactLength?: { value: number } | null;
	minLength?: { value: number } | null;
	maxLength?: { value: number } | null;
	shape?: () => Record<string, ZodTypeAny>;
	unknownKeys?: string;
	catchall?: ZodTypeAny;
}

const defOf = (schema: ZodTypeAny): Def => schema._def as Def;

/** the plainest field types are checked inline by the object check, without a call */
const enum Kind {
	String,
	Integer,
	Boolean,
	NullableString,
	Other,
}

const plainString = (def: Def): boolean =>
	def.typeName === 'ZodString' && !def.coerce && (def.checks ?? []).length === 0;

function kindOf(schema: ZodTypeAny): Kind {
	const def = defOf(schema);
	if (plainString(def)) return Kind.String;
	if (
		def.typeName === 'ZodNumber' &&
		!def.coerce &&
		def.checks?.length === 1 &&
		def.checks[0].kind === 'int'
	)
		return Kind.Integer;
	if (def.typeName === 'ZodBoolean' && !def.coerce) return Kind.Boolean;
	if (def.typeName === 'ZodNullable' && def.innerType && plainString(defOf(def.innerType)))
		return Kind.NullableString;
	return Kind.Other;
}

/** null when the schema uses anything this compiler does not reproduce exactly */
export function compileFastCheck(schema: ZodTypeAny): FastCheck | null {
	const def = defOf(schema);
	switch (def.typeName) {
		case 'ZodString':
			return def.coerce ? null : compileString(def);
		case 'ZodNumber':
			return def.coerce ? null : compileNumber(def);
		case 'ZodBoolean':
			return def.coerce ? null : (v) => typeof v === 'boolean';
		case 'ZodLiteral': {
			const literal = def.value;
			return (v) => v === literal;
		}
		case 'ZodEnum': {
			const values = def.values ?? [];
			return (v) => typeof v === 'string' && values.includes(v);
		}
		case 'ZodNullable': {
			const inner = def.innerType ? compileFastCheck(def.innerType) : null;
			return inner && ((v) => v === null || inner(v));
		}
		case 'ZodArray':
			return compileArray(def);
		case 'ZodObject':
			return compileObject(def);
		default:
			return null;
	}
}

function compileString(def: Def): FastCheck | null {
	let min = 0;
	let max = Infinity;
	const regexes: RegExp[] = [];
	for (const check of def.checks ?? []) {
		if (check.kind === 'min' && typeof check.value === 'number') min = Math.max(min, check.value);
		else if (check.kind === 'max' && typeof check.value === 'number')
			max = Math.min(max, check.value);
		else if (check.kind === 'length' && typeof check.value === 'number') {
			min = Math.max(min, check.value);
			max = Math.min(max, check.value);
		} else if (check.kind === 'regex' && check.regex instanceof RegExp) regexes.push(check.regex);
		else return null; // email, url, trim, toLowerCase, …: not reproduced here
	}
	if (min === 0 && max === Infinity && regexes.length === 0) return (v) => typeof v === 'string';
	if (
		min === 0 &&
		max === Infinity &&
		regexes.length === 1 &&
		!regexes[0].global &&
		!regexes[0].sticky
	) {
		const regex = regexes[0];
		// the same rate, currency or country recurs order after order: remember the last string that matched
		let lastMatch: string | undefined;
		return (v) => {
			if (typeof v !== 'string') return false;
			if (v === lastMatch) return true;
			if (!regex.test(v)) return false;
			lastMatch = v;
			return true;
		};
	}
	return (v) => {
		if (typeof v !== 'string' || v.length < min || v.length > max) return false;
		for (const regex of regexes) {
			regex.lastIndex = 0; // as zod does, for /g and /y expressions
			if (!regex.test(v)) return false;
		}
		return true;
	};
}

function compileNumber(def: Def): FastCheck | null {
	let integer = false;
	let finite = false;
	for (const check of def.checks ?? []) {
		if (check.kind === 'int') integer = true;
		else if (check.kind === 'finite') finite = true;
		else return null; // min, max, multipleOf: not used by the canonical order, not reproduced
	}
	if (integer) return (v) => Number.isInteger(v); // a number, not NaN, finite
	return (v) => {
		if (typeof v !== 'number' || v !== v) return false; // zod treats NaN as its own type
		return !finite || Number.isFinite(v);
	};
}

function compileArray(def: Def): FastCheck | null {
	const element = def.type ? compileFastCheck(def.type) : null;
	if (!element) return null;
	const exact = def.exactLength?.value;
	const min = def.minLength?.value ?? 0;
	const max = def.maxLength?.value ?? Infinity;
	return (v) => {
		if (!Array.isArray(v)) return false;
		const n = v.length;
		if ((exact !== undefined && n !== exact) || n < min || n > max) return false;
		for (let i = 0; i < n; i++) if (!element(v[i])) return false;
		return true;
	};
}

function compileObject(def: Def): FastCheck | null {
	if (typeof def.shape !== 'function') return null;
	const shape = def.shape();
	const keys = Object.keys(shape);
	const kinds: Kind[] = [];
	const checks: FastCheck[] = [];
	for (const key of keys) {
		if (key === '__proto__') return null;
		const check = compileFastCheck(shape[key]);
		if (!check) return null;
		kinds.push(kindOf(shape[key]));
		checks.push(check);
	}
	const count = keys.length;
	return (v) => {
		if (typeof v !== 'object' || v === null) return false;
		const proto = Object.getPrototypeOf(v);
		if (proto !== Object.prototype && proto !== null) return false;
		// exactly the schema's keys, in its order (then zod's copy would equal the input), each value valid
		let i = 0;
		const record = v as Record<string, unknown>;
		for (const key in record) {
			if (i >= count || key !== keys[i]) return false;
			const value = record[key];
			switch (kinds[i]) {
				case Kind.String:
					if (typeof value !== 'string') return false;
					break;
				case Kind.Integer:
					if (!Number.isInteger(value)) return false;
					break;
				case Kind.Boolean:
					if (typeof value !== 'boolean') return false;
					break;
				case Kind.NullableString:
					if (value !== null && typeof value !== 'string') return false;
					break;
				default:
					if (!checks[i](value)) return false;
			}
			i++;
		}
		return i === count;
	};
}
