/**
 * Invoice arithmetic exactly as docs/api-readings.md reads it from the real fixtures, in integers only:
 *   linetotal = round2(amount × price × (1 − discount_pct/100))
 *   per VAT rate: sum_of = Σ linetotal;  extax: sum = round2(sum_of × rate/100)
 *                                        intax: sum = round2(sum_of × rate/(100+rate)), base = sum_of − sum
 *   tax = Σ sum;  totalintax = Σ base + tax;  rounding half away from zero.
 * This is the sandbox's own implementation (sandbox/common/decimal.ts), sharing no code with core/: the golden and
 * property tests check the core's invoices against it.
 */
import {
	decimalsOf,
	divRound as roundDiv,
	formatCents,
	formatScaled,
	scaledOrNull,
} from '../common/decimal';
import { ApiError } from './values';

/** amount, price: 6 decimals; discount_pct: 4 decimals; rates: hundredths of a percent. */
const AMOUNT_SCALE = 6;
const PRICE_SCALE = 6;
const DISCOUNT_SCALE = 4;

/** Parses an exact decimal (JSON number or text) with at most `maxDecimals` decimals; never via float math. */
export function exact(input: unknown, maxDecimals: number, label: string): number {
	const textForm =
		typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
	if (!/^[+-]?\d+(\.\d+)?$/.test(textForm)) {
		throw new ApiError(
			`${label}: "${String(input)}" is not a number (use digits and a dot, like 16.53)`,
		);
	}
	const decimals = decimalsOf(textForm);
	if (decimals > maxDecimals) {
		throw new ApiError(
			`${label}: "${textForm}" has ${decimals} decimals, at most ${maxDecimals} are accepted`,
		);
	}
	const value = scaledOrNull(textForm, maxDecimals);
	if (value === null) throw new ApiError(`${label}: "${textForm}" is too large`);
	return value;
}

export const parseAmount = (v: unknown, label: string): number => exact(v, AMOUNT_SCALE, label);
export const parsePrice = (v: unknown, label: string): number => exact(v, PRICE_SCALE, label);
export const parseDiscount = (v: unknown, label: string): number => {
	const d = exact(v, DISCOUNT_SCALE, label);
	if (d < 0 || d > 100 * 10 ** DISCOUNT_SCALE)
		throw new ApiError(`${label}: must be between 0 and 100`);
	return d;
};
/** "21", 21, "21.00", 5.5 → hundredths of a percent */
export const parseRate = (v: unknown, label: string): number => {
	const r = exact(v, 2, label);
	if (r < 0 || r > 10_000) throw new ApiError(`${label}: must be between 0 and 100`);
	return r;
};

/** line total in cents, rounded once */
export function lineTotalCents(amount: number, price: number, discount: number): number {
	const full = 100n * 10n ** BigInt(DISCOUNT_SCALE);
	const numerator = BigInt(amount) * BigInt(price) * (full - BigInt(discount)) * 100n;
	const denominator = 10n ** BigInt(AMOUNT_SCALE + PRICE_SCALE) * full;
	return roundDiv(numerator, denominator);
}

export interface RateGroup {
	/** hundredths of a percent */
	rate: number;
	/** grouping key besides the rate: the VAT country of the line (OSS lines use the client's country) */
	country: string;
	sumOfCents: number;
	sumCents: number;
}

export interface Totals {
	groups: RateGroup[];
	taxCents: number;
	totalInTaxCents: number;
}

/**
 * Groups priced lines per (rate, country) in first-seen order and computes VAT per group.
 * A reverse-charge (`tax_shifted`) client pays no VAT: every group's sum is 0.
 */
export function computeTotals(
	lines: Array<{ rate: number; country: string; linetotalCents: number }>,
	taxType: 'extax' | 'intax',
	taxShifted: boolean,
): Totals {
	const groups: RateGroup[] = [];
	for (const line of lines) {
		let g = groups.find((x) => x.rate === line.rate && x.country === line.country);
		if (!g) {
			g = { rate: line.rate, country: line.country, sumOfCents: 0, sumCents: 0 };
			groups.push(g);
		}
		g.sumOfCents += line.linetotalCents;
	}
	let taxCents = 0;
	let baseCents = 0;
	for (const g of groups) {
		if (taxShifted) g.sumCents = 0;
		else if (taxType === 'extax')
			g.sumCents = roundDiv(BigInt(g.sumOfCents) * BigInt(g.rate), 10_000n);
		else g.sumCents = roundDiv(BigInt(g.sumOfCents) * BigInt(g.rate), BigInt(10_000 + g.rate));
		taxCents += g.sumCents;
		baseCents += taxType === 'extax' ? g.sumOfCents : g.sumOfCents - g.sumCents;
	}
	return { groups, taxCents, totalInTaxCents: baseCents + taxCents };
}

/** Exact decimal text without trailing zeros: 16530000 (6 dp) → "16.53" */
export function trimmed(value: number, scale: number): string {
	const s = formatScaled(value, scale);
	return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

export const amountText = (v: number): string => trimmed(v, AMOUNT_SCALE);
export const priceText = (v: number): string => trimmed(v, PRICE_SCALE);
export const discountText = (v: number): string => trimmed(v, DISCOUNT_SCALE);
export const rateText = (v: number): string => trimmed(v, 2);
export { formatCents };

export interface EvaluatedTotals {
	totalCents: number;
	taxCents: number;
	/** key: the rate as written in the payload, plus "*" for `tax_country` lines */
	perRate: Map<string, { rate: string; sumOfCents: number; vatCents: number }>;
}

/**
 * What this sandbox would total for an invoice payload's lines, without creating it: the tests hold the core's
 * predictions against it.
 */
export function evaluateInvoice(
	lines: Array<{
		amount?: unknown;
		price?: unknown;
		tax_rate?: unknown;
		discount_pct?: unknown;
		tax_country?: unknown;
	}>,
	taxType: 'extax' | 'intax',
	taxShifted = false,
): EvaluatedTotals {
	const rateTexts = new Map<string, string>();
	const priced = lines.map((line, i) => {
		const rateText = String(line.tax_rate);
		const country = line.tax_country === true ? '*' : '';
		rateTexts.set(`${parseRate(line.tax_rate, `lines[${i}][tax_rate]`)}|${country}`, rateText);
		return {
			rate: parseRate(line.tax_rate, `lines[${i}][tax_rate]`),
			country,
			linetotalCents: lineTotalCents(
				parseAmount(line.amount, `lines[${i}][amount]`),
				parsePrice(line.price, `lines[${i}][price]`),
				parseDiscount(line.discount_pct ?? 0, `lines[${i}][discount_pct]`),
			),
		};
	});
	const totals = computeTotals(priced, taxType, taxShifted);
	const perRate = new Map<string, { rate: string; sumOfCents: number; vatCents: number }>();
	for (const g of totals.groups) {
		const rate = rateTexts.get(`${g.rate}|${g.country}`) ?? rateText(g.rate);
		perRate.set(rate + g.country, { rate, sumOfCents: g.sumOfCents, vatCents: g.sumCents });
	}
	return { totalCents: totals.totalInTaxCents, taxCents: totals.taxCents, perRate };
}
