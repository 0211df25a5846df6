/**
 * An INDEPENDENT re-implementation of the Factuursturen arithmetic of docs/api-readings.md, for tests only.
 * It deliberately shares no code with core/ (no core/money, no core/factuursturen/arithmetic): decimal
 * strings are parsed by hand into BigInt and rounded half away from zero here.
 *   linetotal = round2(amount × price × (1 − discount_pct/100))
 *   per rate: sum_of = Σ linetotal; extax: sum = round2(sum_of × r/100); intax: sum = round2(sum_of × r/(100+r))
 *   totalintax = Σ bases + Σ sums (extax base = sum_of, intax base = sum_of − sum)
 */

const SCALE = 12; // enough decimals for any price/rate/discount we send

function toFixedPoint(value: unknown): bigint {
	const text = typeof value === 'number' ? String(value) : String(value ?? '0');
	const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
	if (!m) throw new Error(`not a plain decimal: ${JSON.stringify(value)}`);
	const frac = (m[3] ?? '').padEnd(SCALE, '0');
	if (frac.length > SCALE) throw new Error(`too many decimals: ${text}`);
	const v = BigInt(m[2]) * 10n ** BigInt(SCALE) + BigInt(frac);
	return m[1] ? -v : v;
}

/** n / d rounded half away from zero */
function divRound(n: bigint, d: bigint): bigint {
	const neg = n < 0n !== d < 0n;
	const an = n < 0n ? -n : n;
	const ad = d < 0n ? -d : d;
	const q = an / ad + ((an % ad) * 2n >= ad ? 1n : 0n);
	return neg ? -q : q;
}

const ONE = 10n ** BigInt(SCALE);

export interface IndependentTotals {
	totalCents: number;
	taxCents: number;
	/** key: rate as written in the payload, plus "*" for tax_country lines */
	perRate: Map<string, { rate: string; sumOfCents: number; vatCents: number }>;
}

export function evaluateInvoice(
	lines: Array<{ amount?: unknown; price?: unknown; tax_rate?: unknown; discount_pct?: unknown; tax_country?: unknown }>,
	taxType: 'extax' | 'intax',
	taxShifted = false,
): IndependentTotals {
	const groups = new Map<string, { rate: bigint; rateText: string; sumOf: bigint }>();
	for (const line of lines) {
		const amount = toFixedPoint(line.amount);
		const price = toFixedPoint(line.price);
		const discount = toFixedPoint(line.discount_pct ?? 0);
		// amount × price × (1 − d/100), each a fixed-point number with SCALE decimals → cents
		const product = amount * price * (100n * ONE - discount); // scale: 3×SCALE, and ×100 from the percent
		const cents = divRound(product, ONE * ONE * ONE); // = round(amount·price·(100 − d)) in cents (×100 cancels)
		const rateText = String(line.tax_rate);
		const key = rateText + (line.tax_country === true ? '*' : '');
		const g = groups.get(key) ?? { rate: toFixedPoint(line.tax_rate), rateText, sumOf: 0n };
		g.sumOf += cents;
		groups.set(key, g);
	}
	let total = 0n;
	let tax = 0n;
	const perRate = new Map<string, { rate: string; sumOfCents: number; vatCents: number }>();
	for (const [key, g] of groups) {
		let vat = 0n;
		if (!taxShifted) {
			vat = taxType === 'extax' ? divRound(g.sumOf * g.rate, 100n * ONE) : divRound(g.sumOf * g.rate, 100n * ONE + g.rate);
		}
		const base = taxType === 'extax' ? g.sumOf : g.sumOf - vat;
		total += base + vat;
		tax += vat;
		perRate.set(key, { rate: g.rateText, sumOfCents: Number(g.sumOf), vatCents: Number(vat) });
	}
	return { totalCents: Number(total), taxCents: Number(tax), perRate };
}
