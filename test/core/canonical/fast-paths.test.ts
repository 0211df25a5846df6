/**
 * The speed shortcuts must give exactly what the plain code gives. Each fast path is compared with a
 * reference (the original algorithm, or zod itself) on generated inputs, including the awkward ones that
 * must fall back to the slow path.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import {
	canonicalOrderFastPathActive,
	canonicalOrderSchema,
	safeParseCanonicalOrder,
} from '../../../core/canonical-order';
import { cleanText, isBlank } from '../../../core/mijnwebwinkel/raw';
import { formatScaled, MoneyFormatError, parseScaled, roundDiv } from '../../../core/money';
import { compileFastCheck } from '../../../core/zod-fast-check';
import { z } from 'zod';

/** the BigInt-only parser the fast path must agree with (the original algorithm) */
function referenceParse(input: unknown, scale: number): number | 'error' {
	let text: string;
	if (typeof input === 'number') {
		if (!Number.isFinite(input)) return 'error';
		const s = String(input);
		text = /e/i.test(s) ? input.toFixed(12).replace(/\.?0+$/, '') : s;
	} else if (typeof input === 'string') text = input.trim().replace(',', '.');
	else return 'error';
	const m = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(text);
	if (!m) return 'error';
	const frac = m[3] ?? '';
	let value =
		BigInt(m[2]) * 10n ** BigInt(scale) + BigInt(frac.slice(0, scale).padEnd(scale, '0') || '0');
	if (frac.length > scale && frac[scale] >= '5') value += 1n;
	const result = Number((m[1] === '-' ? -1n : 1n) * value);
	if (!Number.isSafeInteger(result)) return 'error';
	return result === 0 ? 0 : result;
}

function parsed(input: unknown, scale: number): number | 'error' {
	try {
		return parseScaled(input, scale);
	} catch (e) {
		if (!(e instanceof MoneyFormatError)) throw e;
		return 'error';
	}
}

function referenceRoundDiv(n: bigint, d: bigint): number {
	const negative = n < 0n !== d < 0n;
	const an = n < 0n ? -n : n;
	const ad = d < 0n ? -d : d;
	let q = an / ad;
	if ((an % ad) * 2n >= ad) q += 1n;
	const r = Number(negative ? -q : q);
	return r === 0 ? 0 : r;
}

function referenceFormat(value: number, scale: number): string {
	const digits = String(Math.abs(value)).padStart(scale + 1, '0');
	const frac = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
	return (value < 0 ? '-' : '') + digits.slice(0, digits.length - scale) + frac;
}

const decimalText = fc
	.tuple(
		fc.constantFrom('', '', '-', '+', ' ', ' -', '--'),
		fc.stringMatching(/^[0-9]{0,18}$/),
		fc.constantFrom('', '.', ',', '.', ',', 'e', '..'),
		fc.stringMatching(/^[0-9]{0,9}$/),
		fc.constantFrom('', '', '', ' ', '\n', 'x', ',5'),
	)
	.map((parts) => parts.join(''));

describe('fast paths give exactly what the plain code gives', () => {
	it('parseScaled: decimal strings and JSON numbers, valid or not', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					decimalText,
					fc.double({ noNaN: false }),
					fc.integer(),
					fc.constantFrom(null, undefined, '', ' 1 ', '1e5', '٣'),
				),
				fc.constantFrom(0, 2, 6, 9, 13, 15),
				(input, scale) => {
					expect(parsed(input, scale)).toBe(referenceParse(input, scale));
				},
			),
			{ numRuns: 5_000 },
		);
		for (const [input, scale, expected] of [
			['47.45', 2, 4745],
			['-0.004', 2, 0],
			['0.005', 2, 1],
			['-0.005', 2, -1],
			['12,50', 2, 1250],
			['999999999.999999', 6, 999_999_999_999_999],
			['9999999999.999999', 6, 'error'],
		] as const) {
			expect(parsed(input, scale)).toBe(expected);
		}
	});

	it('roundDiv: safe integers without BigInt, the same result as with it', () => {
		const int = fc.oneof(
			fc.integer({ min: -1_000_000, max: 1_000_000 }),
			fc.maxSafeInteger(),
			fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0, 1, -1),
		);
		fc.assert(
			fc.property(
				fc.oneof(
					int,
					fc.maxSafeInteger().map((n) => -n),
				),
				int.filter((d) => d !== 0),
				(n, d) => {
					expect(roundDiv(n, d)).toBe(referenceRoundDiv(BigInt(n), BigInt(d)));
				},
			),
			{ numRuns: 5_000 },
		);
		expect(roundDiv(5, 10)).toBe(1);
		expect(roundDiv(-5, 10)).toBe(-1);
		expect(Object.is(roundDiv(-4, 10), 0)).toBe(true);
		expect(() => roundDiv(1, 0)).toThrow(RangeError);
		expect(() => roundDiv(1.5, 1)).toThrow(RangeError); // not an integer: BigInt refuses, as before
		expect(roundDiv(2 ** 60, 3)).toBe(referenceRoundDiv(2n ** 60n, 3n)); // beyond safe integers: BigInt path
	});

	it('formatScaled: the same text for every integer and scale', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer(),
					fc.maxSafeInteger(),
					fc.constantFrom(0, -0, 1, -1, 10, -413, 2 ** 53),
				),
				fc.integer({ min: 0, max: 14 }),
				(value, scale) => {
					expect(formatScaled(value, scale)).toBe(referenceFormat(value, scale));
				},
			),
			{ numRuns: 5_000 },
		);
	});

	it('cleanText and isBlank: the same as the regex and trim, for every kind of white space', () => {
		const piece = fc.constantFrom(
			'a',
			'Straße',
			'é',
			' ',
			'  ',
			'\t',
			'\n',
			'\u00a0',
			'\u2003',
			'\u3000',
			'\ufeff',
			'\u180e',
			'\u0085',
			'\u0000',
			'1-2',
			'',
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
				const text = pieces.join('');
				expect(cleanText(text)).toBe(text.replace(/\s+/g, ' ').trim());
				expect(isBlank(text)).toBe(text.trim() === '');
			}),
			{ numRuns: 5_000 },
		);
		expect(cleanText(12)).toBe('12');
		expect(cleanText(null)).toBe('');
	});
});

describe('the compiled check of the canonical schema', () => {
	const ORDERS = path.join(__dirname, '../../golden/orders');
	const goldens = fs
		.readdirSync(ORDERS)
		.map((dir) => path.join(ORDERS, dir, 'canonical.json'))
		.filter((file) => fs.existsSync(file))
		.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
		.filter((c) => !('refusal' in c));

	it('is active for canonicalOrderSchema and passes every golden canonical order as zod does', () => {
		expect(canonicalOrderFastPathActive).toBe(true);
		const check = compileFastCheck(canonicalOrderSchema);
		expect(goldens.length).toBeGreaterThan(20);
		for (const order of goldens) {
			expect(check?.(order)).toBe(true);
			const fast = safeParseCanonicalOrder(order);
			expect(fast.success).toBe(true);
			expect(fast.data).toStrictEqual(canonicalOrderSchema.parse(order));
		}
	});

	/** sets `value` at a random path of a deep copy, or removes/adds a key there */
	function mutate(order: unknown, pathIndexes: number[], action: number, value: unknown): unknown {
		const copy = JSON.parse(JSON.stringify(order)) as Record<string, unknown>;
		let node: Record<string, unknown> = copy;
		for (const i of pathIndexes) {
			const keys = Object.keys(node);
			if (keys.length === 0) break;
			const child = node[keys[i % keys.length]];
			if (typeof child !== 'object' || child === null) {
				const key = keys[i % keys.length];
				if (action === 0) node[key] = value;
				else if (action === 1) delete node[key];
				return copy;
			}
			node = child as Record<string, unknown>;
		}
		if (action === 2) {
			// a key zod strips (on an array: one more element; a named property on an array is not JSON data)
			if (Array.isArray(node)) node.push(value);
			else node.extra = value;
		} else if (action === 3) {
			// the same keys in another order: zod accepts, its copy has the schema's order
			const entries = Object.entries(node).reverse();
			for (const [k] of entries) delete node[k];
			for (const [k, v] of entries) node[k] = v;
		} else {
			const keys = Object.keys(node);
			if (keys.length > 0) node[keys[pathIndexes.length % keys.length]] = value;
		}
		return copy;
	}

	it("never says valid where zod would not return the same value, and gives zod's result otherwise", () => {
		const anyValue = fc.oneof(
			fc.constantFrom(
				null,
				undefined,
				'',
				'NL',
				'EUR',
				'21',
				'5.5',
				'2026-03-01',
				'12:00:00',
				'x',
				0,
				-1,
				1.5,
				NaN,
				Infinity,
				true,
				false,
				[],
				{},
			),
			fc.string({ maxLength: 4 }),
			fc.integer(),
		);
		fc.assert(
			fc.property(
				fc.nat(goldens.length - 1),
				fc.array(fc.nat(40), { maxLength: 5 }),
				fc.nat(4),
				anyValue,
				(g, pathIndexes, action, value) => {
					const candidate = mutate(goldens[g], pathIndexes, action, value);
					const zod = canonicalOrderSchema.safeParse(candidate);
					const fast = safeParseCanonicalOrder(candidate);
					expect(fast.success).toBe(zod.success);
					if (zod.success) expect(fast.data).toStrictEqual(zod.data);
					else expect(fast.error?.issues).toEqual(zod.error.issues);
				},
			),
			{ numRuns: 3_000 },
		);
	});

	it('declines schema kinds it does not reproduce, so zod alone decides there', () => {
		expect(compileFastCheck(z.string().email())).toBeNull();
		expect(compileFastCheck(z.string().trim())).toBeNull();
		expect(compileFastCheck(z.object({ a: z.string().optional() }))).toBeNull();
		expect(compileFastCheck(z.object({ a: z.number().min(1) }))).toBeNull();
		expect(compileFastCheck(z.string().transform((s) => s.length))).toBeNull();
		expect(compileFastCheck(z.coerce.number())).toBeNull();
		const check = compileFastCheck(
			z.object({ a: z.string().regex(/^a+$/g), b: z.array(z.number().int()).min(1) }),
		);
		expect(check?.({ a: 'aa', b: [1] })).toBe(true);
		expect(check?.({ a: 'aa', b: [1] })).toBe(true); // a /g expression is reset before every test, as zod does
		expect(check?.({ a: 'aa', b: [] })).toBe(false);
		expect(check?.({ b: [1], a: 'aa' })).toBe(false); // another key order: zod's copy would differ, so zod decides
		expect(check?.(Object.assign(Object.create({ inherited: 1 }), { a: 'aa', b: [1] }))).toBe(
			false,
		);
	});
});
