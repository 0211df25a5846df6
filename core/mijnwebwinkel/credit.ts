/**
 * Credit orders. Mijnwebwinkel books a return as a separate order (status with `credit_order: true`,
 * `credited_order_number` naming the original). docs/api-readings.md reads its amounts as POSITIVE, the credit
 * being implied by the status. In the canonical order money flows back, so every amount is NEGATIVE.
 *
 * The sign rule, decided once per order and never per line:
 * - the API sent the credit positive when `price.total` > 0, or when it is 0 and the non-discount lines
 *   add up to more than 0; then every amount (lines, unit prices, totals, per rate) is negated, so a
 *   discount line that arrived negative becomes positive, as it should on a credit;
 * - otherwise the API already sent it negative, and nothing is negated (no double negation).
 */
import type { CanonicalOrder, OrderLine } from '../canonical-order';

const neg = (n: number): number => (n === 0 ? 0 : -n);

export function apiSentCreditPositive(totalInclCents: number, lines: OrderLine[]): boolean {
	if (totalInclCents !== 0) return totalInclCents > 0;
	return (
		lines.filter((l) => l.kind !== 'discount').reduce((sum, l) => sum + l.lineInclCents, 0) > 0
	);
}

export function negateLines(lines: OrderLine[]): OrderLine[] {
	return lines.map((l) => ({
		...l,
		lineExclMicros: neg(l.lineExclMicros),
		lineInclCents: neg(l.lineInclCents),
		unitExclMicros: neg(l.unitExclMicros),
	}));
}

export function negateTotals(t: CanonicalOrder['totals']): CanonicalOrder['totals'] {
	return {
		inclCents: neg(t.inclCents),
		vatCents: neg(t.vatCents),
		exclCents: neg(t.exclCents),
		perRate: t.perRate.map((r) => ({
			rate: r.rate,
			vatCents: neg(r.vatCents),
			inclCents: neg(r.inclCents),
		})),
	};
}
