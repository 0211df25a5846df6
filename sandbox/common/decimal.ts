/**
 * The sandboxes' own decimal arithmetic, in BigInt, sharing no code with core/: a fake that rounded with the code it
 * checks could not catch that code's rounding mistakes. Values are integers scaled by 10^scale (cents: scale 2).
 */

/** n / d rounded half away from zero (the rounding of the Factuursturen arithmetic). */
export function divRound(n: bigint | number, d: bigint | number): number {
	const bn = BigInt(n);
	const bd = BigInt(d);
	if (bd === 0n) throw new RangeError('division by zero');
	const negative = bn < 0n !== bd < 0n;
	const an = bn < 0n ? -bn : bn;
	const ad = bd < 0n ? -bd : bd;
	const q = an / ad + ((an % ad) * 2n >= ad ? 1n : 0n);
	const result = Number(negative ? -q : q);
	if (!Number.isSafeInteger(result)) throw new RangeError(`${n} / ${d} is out of range`);
	return result;
}

/** Plain decimal text ("-16.53", "21", 5.5) → integer scaled by 10^scale; null when it is no plain decimal or has more decimals. */
export function scaledOrNull(input: unknown, scale: number): number | null {
	const text =
		typeof input === 'number' && Number.isFinite(input)
			? String(input)
			: typeof input === 'string'
				? input.trim()
				: '';
	const m = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(text);
	if (!m || (m[3] ?? '').length > scale) return null;
	const value =
		BigInt(m[2]) * 10n ** BigInt(scale) + BigInt((m[3] ?? '').padEnd(scale, '0') || '0');
	const result = Number(m[1] === '-' ? -value : value);
	return Number.isSafeInteger(result) ? result : null;
}

/** Number of decimals written in a plain decimal text (0 for "21"). */
export const decimalsOf = (input: unknown): number =>
	String(input).trim().split('.')[1]?.length ?? 0;

/** Integer scaled by 10^scale → fixed decimal text: (-1653, 2) → "-16.53". */
export function formatScaled(value: number, scale: number): string {
	const negative = value < 0;
	const digits = String(Math.abs(value)).padStart(scale + 1, '0');
	const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
	return negative && value !== 0 ? `-${text}` : text;
}

export const formatCents = (cents: number): string => formatScaled(cents, 2);
