/**
 * Choosing line prices so that Factuursturen's own arithmetic (arithmetic.ts) reproduces the order.
 *
 * Per VAT rate the invoice has one free number: X = Σ linetotal (cents). Factuursturen derives the
 * VAT and the amount incl. VAT from X (extax: incl = X + round(X·r/100); intax: incl = X, VAT =
 * round(X·r/(100+r))). Not every incl. amount is reachable that way, so the rule is:
 *   1. the invoice TOTAL always equals the order total: whatever X cannot reach goes on one visible
 *      0 % line "Afrondingsverschil" (never hidden in a price);
 *   2. per rate, among the X whose VAT is within 1 cent of the shop's VAT, take the one needing the
 *      smallest rounding, then the smallest VAT difference, then the X closest to the order's own figure;
 *   3. if no X within ±1 cent VAT needs a rounding of at most `maxRoundingCents`, refuse (vat_mismatch).
 * Then X is spread over the lines (largest remainder of the exact 6-decimal amounts), and each line gets
 * a unit price with `decimals` decimals whose linetotal is exactly its share; when no such unit price
 * exists (quantity > 10 with 3 decimals), the line is split into (quantity − 1) units and 1 unit.
 */
import { roundDiv } from '../money';
import { inclForSum, vatOnSum, type TaxType } from './arithmetic';

export interface RateFit {
	/** Σ linetotal at this rate (cents) */
	sumOfCents: number;
	/** VAT Factuursturen will compute (cents) */
	vatCents: number;
	/** what the rounding line must add for this rate (cents) */
	roundingCents: number;
}

export function fitRateSum(
	targetInclCents: number,
	targetVatCents: number,
	rateHundredths: number,
	taxType: TaxType,
	maxRoundingCents: number,
): RateFit | null {
	const nominal = taxType === 'extax' ? targetInclCents - targetVatCents : targetInclCents;
	// Beyond this window either the VAT is off by more than a cent or the rounding exceeds the maximum:
	// extax: rounding = −(VAT difference) − d; intax: rounding = −d.
	const window = maxRoundingCents + 1;
	// the best candidate so far, scored (|rounding|, VAT difference, k) lexicographically; k = −1: none yet
	let bestK = -1;
	let bestAbsRounding = 0;
	let bestVatDiff = 0;
	let bestX = 0;
	let bestVat = 0;
	let bestRounding = 0;
	for (let k = 0; k <= window; k++) {
		// d = 0 first, then +k before −k
		for (let side = 0; side < (k === 0 ? 1 : 2); side++) {
			const x = nominal + (side === 0 ? k : -k);
			const vat = vatOnSum(x, rateHundredths, taxType);
			const vatDiff = Math.abs(vat - targetVatCents);
			if (vatDiff > 1) continue;
			const rounding = targetInclCents - inclForSum(x, rateHundredths, taxType);
			const absRounding = Math.abs(rounding);
			if (absRounding > maxRoundingCents) continue;
			const better =
				bestK < 0 ||
				absRounding < bestAbsRounding ||
				(absRounding === bestAbsRounding &&
					(vatDiff < bestVatDiff || (vatDiff === bestVatDiff && k < bestK)));
			if (better) {
				bestK = k;
				bestAbsRounding = absRounding;
				bestVatDiff = vatDiff;
				bestX = x;
				bestVat = vat;
				bestRounding = rounding;
			}
		}
		if (bestK >= 0 && bestAbsRounding === 0 && bestVatDiff === 0) break;
	}
	return bestK < 0 ? null : { sumOfCents: bestX, vatCents: bestVat, roundingCents: bestRounding };
}

/**
 * Spreads `totalCents` over lines whose exact values are `exactMicros` (1e-6): each line gets its value
 * rounded to cents, and the remaining cents go one by one to the lines whose rounding gave away the
 * most (largest remainder). Lines that are exactly zero only take cents when every line is zero.
 */
export function allocateCents(exactMicros: number[], totalCents: number): number[] {
	const cents: number[] = [];
	let sum = 0;
	for (const m of exactMicros) {
		const c = roundDiv(m, 10_000);
		cents.push(c);
		sum += c;
	}
	let rest = totalCents - sum;
	if (rest === 0 || cents.length === 0) return cents;
	const direction = rest > 0 ? 1 : -1;
	const order = exactMicros
		.map((m, i) => ({ i, residual: m - cents[i] * 10_000, zero: m === 0 }))
		.sort((a, b) =>
			a.zero === b.zero ? direction * (b.residual - a.residual) || a.i - b.i : a.zero ? 1 : -1,
		);
	const movable = order.some((o) => !o.zero) ? order.filter((o) => !o.zero) : order;
	for (let n = 0; rest !== 0; n++) {
		cents[movable[n % movable.length].i] += direction;
		rest -= direction;
	}
	return cents;
}

export interface PricedPart {
	amount: number;
	/** unit price in units of 10^-decimals */
	priceUnits: number;
}

/** unit prices for a line of `quantity` (> 0) units whose linetotal must be `lineCents` */
export function priceLine(lineCents: number, quantity: number, decimals: number): PricedPart[] {
	const scale = 10 ** (decimals - 2);
	const scaled = lineCents * scale;
	if (scaled % quantity === 0) return [{ amount: quantity, priceUnits: scaled / quantity }];
	const unit = roundDiv(scaled, quantity);
	if (roundDiv(unit * quantity, scale) === lineCents)
		return [{ amount: quantity, priceUnits: unit }];
	const first = roundDiv(unit * (quantity - 1), scale);
	return [
		{ amount: quantity - 1, priceUnits: unit },
		{ amount: 1, priceUnits: (lineCents - first) * scale },
	];
}
