/** A small seeded PRNG (mulberry32): the sandboxes and generators must be deterministic under a seed. */
export interface Random {
	/** float in [0, 1) */
	next(): number;
	/** integer in [min, max] */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** true with probability p */
	chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
	let state = seed >>> 0 || 0x9e3779b9;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
	};
}
