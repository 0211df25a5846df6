/** Calendar days as Factuursturen and Mijnwebwinkel write them (YYYY-MM-DD), counted at noon UTC so no clock change moves them. */

const DAY_MS = 86_400_000;
const noon = (day: string): number => Date.parse(`${day}T12:00:00Z`);

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
	return new Date(noon(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day before `day`, for "since" filters that must include the whole first day. */
export function dayBefore(day: string): string {
	return addDays(day, -1);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
	return Math.round((noon(to) - noon(from)) / DAY_MS);
}
