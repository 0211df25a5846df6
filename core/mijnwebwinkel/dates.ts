/**
 * Mijnwebwinkel sends `date` and `time` without an offset, in the shop's local time (Europe/Amsterdam,
 * ASSUMPTIONS.md). The offset is looked up for that very date, so summer orders get +02:00 and winter
 * orders +01:00. A local time that does not exist (the hour skipped when DST starts) is moved forward by
 * luxon; an ambiguous one (the hour repeated when DST ends) gets the later, winter offset. `date`/`time`
 * themselves are always kept exactly as the shop sent them.
 */
import { DateTime } from 'luxon';
import { textOf } from './raw';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

export interface LocalMoment {
	date: string;
	time: string;
	iso: string;
}

/**
 * Time-zone lookups are the slowest step of the mapper, and all orders of one hour share an offset. The
 * offset of a local date+hour is remembered only when luxon kept that hour as it was (not for the skipped
 * DST hour, which it moves): per time zone, per date, one slot per hour. The cache is bounded.
 */
const offsetCache = new Map<string, Map<string, string[]>>();
const CACHE_LIMIT = 10_000; // dates per time zone: decades of orders

/** "HH:mm:ss" (digits checked by TIME) with minutes and seconds below 60 */
const minutesAndSecondsValid = (time: string): boolean => time.charCodeAt(3) <= 53 && time.charCodeAt(6) <= 53;

/** null when the date or time is missing or not a real calendar moment */
export function localMoment(rawDate: unknown, rawTime: unknown, timeZone: string): LocalMoment | null {
	const date = textOf(rawDate).trim();
	let time = textOf(rawTime).trim() || '00:00:00';
	if (!DATE.test(date) || !TIME.test(time)) return null;
	if (time.length === 5) time += ':00';
	const hour = (time.charCodeAt(0) - 48) * 10 + (time.charCodeAt(1) - 48); // TIME checked the digits
	let byDate = offsetCache.get(timeZone);
	const hours = byDate?.get(date);
	const known = hours?.[hour];
	if (known !== undefined && minutesAndSecondsValid(time)) {
		return { date, time, iso: `${date}T${time}${known}` };
	}
	const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
	if (!dt.isValid) return null;
	const iso = dt.toISO({ suppressMilliseconds: true });
	if (iso === null) return null;
	if (iso.startsWith(`${date}T${time}`) && hour < 24) {
		if (byDate === undefined) {
			if (offsetCache.size >= 100) offsetCache.clear(); // time zones: one per shop in practice
			byDate = new Map();
			offsetCache.set(timeZone, byDate);
		}
		let slots = hours;
		if (slots === undefined) {
			if (byDate.size >= CACHE_LIMIT) byDate.clear();
			slots = new Array<string>(24);
			byDate.set(date, slots);
		}
		slots[hour] = iso.slice(19);
	}
	return { date, time, iso };
}
