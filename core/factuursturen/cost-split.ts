/**
 * Optional (mapping.splitUnsplitCosts): shipping and payment costs follow the VAT of the goods they
 * belong to, so in a basket with several rates they are split in proportion to the goods' value excl.
 * VAT (the usual Dutch practice for ancillary costs). The shop may already have split them (the parts share a sourceLineId): those
 * are left alone. By default this is OFF and costs are booked at the rate the shop charged, because
 * that VAT is what the customer paid; switching it on changes the VAT per rate away from the shop's.
 *
 * The split keeps each cost line's amount incl. VAT; each part's VAT is computed from its gross.
 * Per-rate VAT = the shop's VAT − the removed line's VAT + the added parts' VAT (each from gross), so
 * the shop's own rounding on the goods is kept.
 */
import type { CanonicalOrder, OrderLine } from '../canonical-order';
import { roundDiv } from '../money';
import { rateHundredths } from './rate-resolution';

const GOODS = new Set(['article', 'custom', 'discount']);
const COSTS = new Set(['shipping', 'payment']);

const vatFromGross = (inclCents: number, rateH: number): number =>
	rateH === 0 ? 0 : roundDiv(inclCents * rateH, 10_000 + rateH);

export function applyCostSplit(order: CanonicalOrder): CanonicalOrder {
	if (order.vat.regime !== 'domestic' && order.vat.regime !== 'oss') return order;
	const goodsExcl = new Map<string, number>();
	for (const line of order.lines) {
		if (GOODS.has(line.kind))
			goodsExcl.set(line.vatRate, (goodsExcl.get(line.vatRate) ?? 0) + line.lineExclMicros);
	}
	const rates = [...goodsExcl.keys()].filter((r) => goodsExcl.get(r) !== 0);
	if (rates.length < 2) return order;
	const credit = order.totals.inclCents < 0;
	// proportions only make sense when every goods rate points the same way as the order
	if (rates.some((r) => (goodsExcl.get(r) as number) < 0 !== credit)) return order;
	const weights = rates.map((r) => Math.abs(goodsExcl.get(r) as number));
	const weightSum = weights.reduce((a, b) => a + b, 0);

	const sourceCount = new Map<string, number>();
	for (const line of order.lines)
		if (line.sourceLineId)
			sourceCount.set(line.sourceLineId, (sourceCount.get(line.sourceLineId) ?? 0) + 1);

	const vatDelta = new Map<string, number>();
	const addVat = (rate: string, cents: number) =>
		vatDelta.set(rate, (vatDelta.get(rate) ?? 0) + cents);
	const lines: OrderLine[] = [];
	let changed = false;
	order.lines.forEach((line, index) => {
		const alreadySplit =
			line.sourceLineId !== null && (sourceCount.get(line.sourceLineId) ?? 0) > 1;
		if (!COSTS.has(line.kind) || alreadySplit || line.lineInclCents === 0) {
			lines.push(line);
			return;
		}
		changed = true;
		addVat(line.vatRate, -vatFromGross(line.lineInclCents, rateHundredths(line.vatRate)));
		const parts = proportional(line.lineInclCents, weights, weightSum);
		const sourceLineId = line.sourceLineId ?? `${order.number}:${line.kind}:${index}`;
		rates.forEach((rate, i) => {
			if (parts[i] === 0) return;
			const rateH = rateHundredths(rate);
			const vat = vatFromGross(parts[i], rateH);
			addVat(rate, vat);
			const exclMicros = roundDiv(parts[i] * 10_000 * 10_000, 10_000 + rateH);
			lines.push({
				...line,
				vatRate: rate,
				lineInclCents: parts[i],
				lineExclMicros: exclMicros,
				unitExclMicros: roundDiv(exclMicros, line.quantity === 0 ? 1 : line.quantity),
				sourceLineId,
			});
		});
	});
	if (!changed) return order;

	const incl = new Map<string, number>();
	for (const line of lines)
		incl.set(line.vatRate, (incl.get(line.vatRate) ?? 0) + line.lineInclCents);
	const perRate = order.totals.perRate
		.map((r) => ({
			rate: r.rate,
			vatCents: r.vatCents + (vatDelta.get(r.rate) ?? 0),
			inclCents: incl.get(r.rate) ?? 0,
		}))
		.filter((r) => incl.has(r.rate)); // a rate whose only line was a cost that moved away disappears
	const vatCents = perRate.reduce((a, r) => a + r.vatCents, 0);
	return {
		...order,
		lines,
		totals: { ...order.totals, perRate, vatCents, exclCents: order.totals.inclCents - vatCents },
	};
}

/** splits `total` cents in proportion to `weights` (largest remainder, deterministic) */
function proportional(total: number, weights: number[], weightSum: number): number[] {
	const sign = total < 0 ? -1 : 1;
	const abs = Math.abs(total);
	const exact = weights.map((w) => BigInt(abs) * BigInt(w));
	const parts = exact.map((e) => Number(e / BigInt(weightSum)));
	let rest = abs - parts.reduce((a, b) => a + b, 0);
	const byRemainder = exact
		.map((e, i) => ({ i, rem: e % BigInt(weightSum) }))
		.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
	for (let n = 0; rest > 0; n++, rest--) parts[byRemainder[n % byRemainder.length].i] += 1;
	return parts.map((p) => sign * p);
}
