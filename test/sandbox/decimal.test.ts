/** The sandboxes' own decimal arithmetic: exact, half away from zero, and in agreement with plain BigInt reasoning. */
import fc from 'fast-check';
import { divRound, formatScaled, scaledOrNull } from '../../sandbox/common/decimal';

describe('sandbox decimal arithmetic', () => {
	it('rounds half away from zero, for both signs', () => {
		expect([
			divRound(5, 2),
			divRound(-5, 2),
			divRound(4, 3),
			divRound(-4, 3),
			divRound(7, -2),
		]).toEqual([3, -3, 1, -1, -4]);
		expect(divRound(BigInt(1653) * 2100n, 10_000n)).toBe(347); // 16.53 × 21 % = 3.4713 → 3.47
	});

	it('reads plain decimals exactly and refuses anything else', () => {
		expect(scaledOrNull('16.53', 2)).toBe(1653);
		expect(scaledOrNull('-0.5', 6)).toBe(-500_000);
		expect(scaledOrNull(21, 2)).toBe(2100);
		expect([
			scaledOrNull('1.234', 2),
			scaledOrNull('1e3', 2),
			scaledOrNull('', 2),
			scaledOrNull('12,5', 2),
		]).toEqual([null, null, null, null]);
	});

	it('formats what it reads back to the same value', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1e12, max: 1e12 }),
				fc.integer({ min: 0, max: 6 }),
				(value, scale) => {
					expect(scaledOrNull(formatScaled(value, scale), scale)).toBe(value);
				},
			),
		);
	});

	it('agrees with the schoolbook rule: |2r| ≥ |d| rounds the quotient away from zero', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
				fc.bigInt({ min: 1n, max: 10n ** 6n }),
				(n, d) => {
					const q = n / d; // truncates toward zero
					const r = n - q * d;
					const away = 2n * (r < 0n ? -r : r) >= d ? (n < 0n ? q - 1n : q + 1n) : q;
					expect(divRound(n, d)).toBe(Number(away));
				},
			),
		);
	});
});
