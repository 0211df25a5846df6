/** Deterministic identifiers and calendar arithmetic for the generator (no wall clock, no time zone maths). */
import type { Random } from '../common/random';

const word = (r: Random): string =>
	Math.floor(r.next() * 0x1_0000_0000)
		.toString(16)
		.padStart(8, '0');

/** an RFC 4122 version-4 shaped UUID drawn from the seeded PRNG */
export function uuid(r: Random): string {
	const h = word(r) + word(r) + word(r) + word(r);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DAY_MS = 86_400_000;

const dayCache = new Map<string, string>();

/** 'YYYY-MM-DD' plus n calendar days (UTC arithmetic on a date without a time: no DST involved) */
export function addDays(ymd: string, n: number): string {
	const key = `${ymd}|${n}`;
	let out = dayCache.get(key);
	if (out === undefined) {
		const [y, m, d] = ymd.split('-').map(Number);
		out = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
		// a shop spans a few hundred distinct days: the cache stays small
		if (dayCache.size > 50_000) dayCache.clear();
		dayCache.set(key, out);
	}
	return out;
}

export function isYmd(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	return addDays(text, 0) === text;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** seconds since midnight → 'hh:mm:ss' */
export const clock = (seconds: number): string =>
	`${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;

export const secondsOf = (hms: string): number => {
	const [h, m, s] = hms.split(':').map(Number);
	return h * 3600 + m * 60 + s;
};
