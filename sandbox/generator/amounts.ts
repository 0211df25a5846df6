/**
 * Order arithmetic the way Mijnwebwinkel reports it, in integers only:
 * - a rate is in hundredths of a percent (2100 = 21 %, 550 = 5.5 %);
 * - a net amount is in micros (6 decimals, the API's `amount`), a gross amount in cents (`amount_including_tax`);
 * - an article line's net is quantity × the unit net (as in the spec example: 3 × 1.611570 = 4.834710) and its
 *   gross is that net plus VAT, rounded once to cents;
 * - split parts (discounts, proportional shipping/payment costs) are decided in gross cents and their net derived;
 * - VAT per rate = Σ gross − Σ net rounded to cents (so `total` − Σ tax = the net rounded per rate).
 * Every rounding goes through `roundDiv` (half away from zero).
 */
import { divRound as roundDiv, formatCents, formatScaled } from '../common/decimal';

export interface TaxPart {
	rateH: number;
	netMicros: number;
	grossCents: number;
}

const MICROS_PER_CENT_X_RATE = 100_000_000n; // 10_000 micros per cent × 10_000 (rate scale)

export const netOfGross = (grossCents: number, rateH: number): number =>
	roundDiv(BigInt(grossCents) * MICROS_PER_CENT_X_RATE, 10_000 + rateH);

export const grossOfNet = (netMicros: number, rateH: number): number =>
	roundDiv(BigInt(netMicros) * BigInt(10_000 + rateH), MICROS_PER_CENT_X_RATE);

/** one part whose gross is fixed in cents (a split share, a cost line, a 0 % line) */
export const partOfGross = (grossCents: number, rateH: number): TaxPart => ({
	rateH,
	grossCents,
	netMicros: rateH === 0 ? grossCents * 10_000 : netOfGross(grossCents, rateH),
});

/** an article line: quantity × unit net, gross rounded once */
export function articlePart(quantity: number, unitNetMicros: number, rateH: number): TaxPart {
	const netMicros = quantity * unitNetMicros;
	return { rateH, netMicros, grossCents: grossOfNet(netMicros, rateH) };
}

/**
 * Splits `amount` cents (may be negative) over keys in proportion to integer weights; the last share takes the
 * remainder so the shares add up exactly. Zero shares are dropped.
 */
export function splitByWeights(
	amount: number,
	weights: ReadonlyArray<{ rateH: number; weight: number }>,
): Array<{ rateH: number; amount: number }> {
	const total = weights.reduce((s, w) => s + w.weight, 0);
	if (weights.length === 0 || total === 0) return [];
	const out: Array<{ rateH: number; amount: number }> = [];
	let given = 0;
	weights.forEach((w, i) => {
		const share =
			i === weights.length - 1
				? amount - given
				: roundDiv(BigInt(amount) * BigInt(w.weight), total);
		given += share;
		out.push({ rateH: w.rateH, amount: share });
	});
	return out.filter((s) => s.amount !== 0);
}

export interface RateTotal {
	rateH: number;
	grossCents: number;
	netMicros: number;
	taxCents: number;
}

/** VAT per rate as the shop reports it in `price.tax`, highest rate last (ascending, as the spec example) */
export function taxPerRate(parts: readonly TaxPart[]): RateTotal[] {
	const by = new Map<number, RateTotal>();
	for (const p of parts) {
		const t = by.get(p.rateH) ?? { rateH: p.rateH, grossCents: 0, netMicros: 0, taxCents: 0 };
		t.grossCents += p.grossCents;
		t.netMicros += p.netMicros;
		by.set(p.rateH, t);
	}
	return [...by.values()]
		.map((t) => ({ ...t, taxCents: t.grossCents - roundDiv(t.netMicros, 10_000) }))
		.sort((a, b) => a.rateH - b.rateH);
}

export const fmtRate = (rateH: number): string => formatScaled(rateH, 2);
export const fmtMicros = (micros: number): string => formatScaled(micros, 6);
export const fmtCents = formatCents;

/** a TaxPrice as the API renders it */
export const taxPrice = (
	p: TaxPart,
): { amount: string; amount_including_tax: string; rate: string } => ({
	amount: fmtMicros(p.netMicros),
	amount_including_tax: fmtCents(p.grossCents),
	rate: fmtRate(p.rateH),
});
