/**
 * Money without floats. Amounts arrive as decimal strings ("47.45", "56.198347", "-4.13") and become
 * integers: cents (2 decimals) or micros (6 decimals). Every rounding in the project goes through
 * `roundDiv`, half away from zero, so there is exactly one place where a sub-cent is decided.
 */

export class MoneyFormatError extends Error {
	constructor(
		readonly input: unknown,
		readonly what: string,
	) {
		super(
			`${what}: "${String(input)}" is not a decimal amount (expected digits with a dot, like "12.50")`,
		);
		this.name = 'MoneyFormatError';
	}
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const POW10 = [
	1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
	10_000_000_000, 100_000_000_000, 1_000_000_000_000,
];

/**
 * The common case without BigInt or a regex: plain ASCII digits, an optional sign and one '.' or ','
 * separator, at most 15 significant places in all, so every step is an exact safe integer. Returns NaN
 * for anything else (white space, exponents, too many digits, garbage): the exact BigInt path decides.
 */
function parseScaledFast(text: string, scale: number): number {
	const n = text.length;
	if (n === 0 || n > 32 || scale >= POW10.length) return NaN;
	let i = 0;
	let negative = false;
	const first = text.charCodeAt(0);
	if (first === 45 /* - */ || first === 43 /* + */) {
		negative = first === 45;
		i = 1;
	}
	let whole = 0;
	const wholeStart = i;
	for (; i < n; i++) {
		const c = text.charCodeAt(i) - 48;
		if (c < 0 || c > 9) break;
		whole = whole * 10 + c;
	}
	const wholeDigits = i - wholeStart;
	if (wholeDigits === 0 || wholeDigits + scale > 15) return NaN;
	let frac = 0;
	let fracDigits = 0;
	let roundUp = false;
	if (i < n) {
		const sep = text.charCodeAt(i);
		if (sep !== 46 /* . */ && sep !== 44 /* , */) return NaN;
		const fracStart = ++i;
		for (; i < n; i++) {
			const c = text.charCodeAt(i) - 48;
			if (c < 0 || c > 9) return NaN;
			if (fracDigits < scale) {
				frac = frac * 10 + c;
				fracDigits++;
			} else if (i === fracStart + scale) {
				roundUp = c >= 5; // only the first dropped digit decides: half away from zero
			}
		}
		if (i === fracStart) return NaN;
	}
	const value = whole * POW10[scale] + frac * POW10[scale - fracDigits] + (roundUp ? 1 : 0);
	return negative && value !== 0 ? -value : value;
}

/**
 * Parses a decimal string (or a JSON number, as some API examples carry) into an integer with `scale`
 * decimals. Extra decimals beyond `scale` are rounded half away from zero.
 */
export function parseScaled(input: unknown, scale: number, what = 'amount'): number {
	let text: string;
	if (typeof input === 'number') {
		if (!Number.isFinite(input)) throw new MoneyFormatError(input, what);
		// A JSON number like 47.45 is turned back into its shortest decimal text, never multiplied as a float.
		text = numberToPlainString(input);
	} else if (typeof input === 'string') {
		const fast = parseScaledFast(input, scale);
		if (fast === fast) return fast; // not NaN
		text = input.trim().replace(',', '.');
	} else {
		throw new MoneyFormatError(input, what);
	}
	const fast = parseScaledFast(text, scale);
	if (fast === fast) return fast;
	const m = DECIMAL.exec(text);
	if (!m) throw new MoneyFormatError(input, what);
	const sign = m[1] === '-' ? -1n : 1n;
	const whole = BigInt(m[2]);
	const frac = m[3] ?? '';
	const kept = frac.slice(0, scale).padEnd(scale, '0');
	let value = whole * 10n ** BigInt(scale) + BigInt(kept || '0');
	const rest = frac.slice(scale);
	if (rest.length > 0 && rest[0] >= '5') value += 1n; // half away from zero (sign applied after)
	const result = Number(sign * value);
	if (!Number.isSafeInteger(result)) throw new MoneyFormatError(input, what);
	return result === 0 ? 0 : result;
}

function numberToPlainString(n: number): string {
	const s = String(n);
	if (!/e/i.test(s)) return s;
	return n.toFixed(12).replace(/\.?0+$/, '');
}

/** "12.50" → 1250 */
export const parseCents = (input: unknown, what?: string): number => parseScaled(input, 2, what);
/** "56.198347" → 56198347 */
export const parseMicros = (input: unknown, what?: string): number => parseScaled(input, 6, what);

/**
 * THE rounding rule: numerator / denominator rounded half away from zero. Integers in, integer out.
 */
export function roundDiv(numerator: number | bigint, denominator: number | bigint): number {
	if (
		typeof numerator === 'number' &&
		typeof denominator === 'number' &&
		Number.isSafeInteger(numerator) &&
		Number.isSafeInteger(denominator) &&
		denominator !== 0
	) {
		// Safe integers: % and the division of an exact multiple are exact in doubles, so no BigInt is needed.
		const an = numerator < 0 ? -numerator : numerator;
		const ad = denominator < 0 ? -denominator : denominator;
		const r = an % ad;
		let q = (an - r) / ad;
		if (r * 2 >= ad) q += 1;
		if (q === 0) return 0;
		return numerator < 0 !== denominator < 0 ? -q : q;
	}
	const n = BigInt(numerator);
	const d = BigInt(denominator);
	if (d === 0n) throw new RangeError('division by zero');
	const negative = n < 0n !== d < 0n;
	const an = n < 0n ? -n : n;
	const ad = d < 0n ? -d : d;
	let q = an / ad;
	if ((an % ad) * 2n >= ad) q += 1n;
	const result = Number(negative ? -q : q);
	return result === 0 ? 0 : result;
}

/** micros → cents, rounded once, half away from zero */
export const microsToCents = (micros: number): number => roundDiv(micros, 10_000);

/** Formats an integer with `scale` decimals as a plain decimal string: formatScaled(-413, 2) → "-4.13" */
const ZEROS = [
	'',
	'0',
	'00',
	'000',
	'0000',
	'00000',
	'000000',
	'0000000',
	'00000000',
	'000000000',
	'0000000000',
	'00000000000',
];

export function formatScaled(value: number, scale: number): string {
	if (scale > 0 && scale < POW10.length && Number.isSafeInteger(value)) {
		// whole and fraction by exact integer arithmetic: one short string each, no padding or slicing
		const abs = value < 0 ? -value : value;
		const frac = abs % POW10[scale];
		const digits = String(frac);
		return `${value < 0 ? '-' : ''}${(abs - frac) / POW10[scale]}.${ZEROS[scale - digits.length]}${digits}`;
	}
	const negative = value < 0;
	const digits = String(Math.abs(value)).padStart(scale + 1, '0');
	const whole = digits.slice(0, digits.length - scale);
	const frac = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
	return (negative ? '-' : '') + whole + frac;
}

/** 1250 → "12.50" */
export const formatCents = (cents: number): string => formatScaled(cents, 2);

/**
 * A VAT percentage ("21.00", "9", 21, "5.50") as basis points of a percent (hundredths): 2100, 900, 550.
 */
export function parseRateHundredths(input: unknown): number {
	const v = parseScaled(input, 2, 'VAT rate');
	if (v < 0 || v > 10_000) throw new MoneyFormatError(input, 'VAT rate');
	return v;
}

const rateTexts: string[] = [];

/** 2100 → "21", 550 → "5.5", 0 → "0": the canonical rate string */
export function formatRate(hundredths: number): string {
	// the same few rates recur on every line: remember the text of each valid rate (0–100 %)
	const known = rateTexts[hundredths];
	if (known !== undefined) return known;
	const text = formatScaled(hundredths, 2).replace(/\.?0+$/, '') || '0';
	if (Number.isInteger(hundredths) && hundredths >= 0 && hundredths <= 10_000)
		rateTexts[hundredths] = text;
	return text;
}

/** "21.00" → "21" */
export const normalizeRate = (input: unknown): string => formatRate(parseRateHundredths(input));
