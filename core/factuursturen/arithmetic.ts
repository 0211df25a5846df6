/**
 * Factuursturen's invoice arithmetic as documented in docs/api-readings.md, used to PREDICT what an invoice
 * will total before it is sent:
 *   linetotal = round2(amount × price × (1 − discount_pct/100))
 *   per rate: sum_of = Σ linetotal; extax: sum = round2(sum_of × r/100);
 *             intax: sum = round2(sum_of × r/(100+r)), base = sum_of − sum
 *   tax = Σ sum; totalintax = Σ base + tax.  Rounding half away from zero (roundDiv).
 */
import { parseScaled, parseRateHundredths, roundDiv, formatRate } from '../money';

export type TaxType = 'extax' | 'intax';

/** VAT in cents for a per-rate sum of line totals (cents); rate in hundredths of a percent (21 % = 2100) */
export function vatOnSum(sumOfCents: number, rateHundredths: number, taxType: TaxType): number {
	if (rateHundredths === 0 || sumOfCents === 0) return 0;
	return taxType === 'extax'
		? roundDiv(sumOfCents * rateHundredths, 10_000)
		: roundDiv(sumOfCents * rateHundredths, 10_000 + rateHundredths);
}

/** what `sum_of` at one rate contributes to totalintax */
export function inclForSum(sumOfCents: number, rateHundredths: number, taxType: TaxType): number {
	return taxType === 'extax'
		? sumOfCents + vatOnSum(sumOfCents, rateHundredths, taxType)
		: sumOfCents;
}

/** linetotal in cents; price given in micros (1e-6), discount in hundredths of a percent */
export function lineTotalCents(
	amount: number,
	priceMicros: number,
	discountHundredths = 0,
): number {
	const n = BigInt(amount) * BigInt(priceMicros) * BigInt(10_000 - discountHundredths);
	return roundDiv(n, 10_000n * 10_000n);
}

export interface PayloadLineLike {
	amount?: unknown;
	price?: unknown;
	tax_rate?: unknown;
	discount_pct?: unknown;
	tax_country?: unknown;
	description?: unknown;
}

export interface ExpectedTotals {
	totalInclCents: number;
	vatCents: number;
	perRate: Array<{
		rate: string;
		taxCountry: boolean;
		baseCents: number;
		vatCents: number;
		sumOfCents: number;
	}>;
}

/**
 * Predicts totalintax, tax and the per-rate taxes of a payload. Text-only lines (no price) count as 0.
 * `taxShifted`: a reverse-charge client pays no VAT on any line.
 */
export function expectedTotals(
	payload: { lines: PayloadLineLike[] },
	taxType: TaxType,
	opts: { taxShifted?: boolean } = {},
): ExpectedTotals {
	const groups = new Map<string, { rateH: number; taxCountry: boolean; sumOf: number }>();
	for (const line of payload.lines) {
		if (line.price === undefined && line.amount === undefined) continue;
		const amount = parseScaled(line.amount ?? 0, 0, 'line amount');
		const priceMicros = parseScaled(line.price ?? 0, 6, 'line price');
		const discount = parseScaled(line.discount_pct ?? 0, 2, 'line discount_pct');
		const rateH = parseRateHundredths(line.tax_rate ?? 0);
		const taxCountry = line.tax_country === true || line.tax_country === 'true';
		const key = `${rateH}|${taxCountry}`;
		const g = groups.get(key) ?? { rateH, taxCountry, sumOf: 0 };
		g.sumOf += lineTotalCents(amount, priceMicros, discount);
		groups.set(key, g);
	}
	const perRate: ExpectedTotals['perRate'] = [];
	let totalInclCents = 0;
	let vatCents = 0;
	for (const g of groups.values()) {
		const vat = opts.taxShifted ? 0 : vatOnSum(g.sumOf, g.rateH, taxType);
		const base = taxType === 'extax' ? g.sumOf : g.sumOf - vat;
		perRate.push({
			rate: formatRate(g.rateH),
			taxCountry: g.taxCountry,
			baseCents: base,
			vatCents: vat,
			sumOfCents: g.sumOf,
		});
		totalInclCents += base + vat;
		vatCents += vat;
	}
	return { totalInclCents, vatCents, perRate };
}
