/** Deterministic identifiers and calendar arithmetic for the generator (no wall clock, no time zone maths). */
import type { Random } from '../common/random';

const hex = (r: Random, n: number): string =>
	Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');

/** an RFC 4122 version-4 shaped UUID drawn from the seeded PRNG */
export function uuid(r: Random): string {
	return `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${'89ab'[r.int(0, 3)]}${hex(r, 3)}-${hex(r, 12)}`;
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus n calendar days (UTC arithmetic on a date without a time: no DST involved) */
export function addDays(ymd: string, n: number): string {
	const [y, m, d] = ymd.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
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
