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
 * DST hour, which it moves); the cache is bounded.
 */
const offsetCache = new Map<string, string>();
const CACHE_LIMIT = 10_000;

/** null when the date or time is missing or not a real calendar moment */
export function localMoment(rawDate: unknown, rawTime: unknown, timeZone: string): LocalMoment | null {
	const date = textOf(rawDate).trim();
	let time = textOf(rawTime).trim() || '00:00:00';
	if (!DATE.test(date) || !TIME.test(time)) return null;
	if (time.length === 5) time += ':00';
	const key = `${timeZone}|${date}|${time.slice(0, 2)}`;
	const known = offsetCache.get(key);
	if (known !== undefined && Number(time.slice(3, 5)) < 60 && Number(time.slice(6, 8)) < 60) {
		return { date, time, iso: `${date}T${time}${known}` };
	}
	const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
	if (!dt.isValid) return null;
	const iso = dt.toISO({ suppressMilliseconds: true });
	if (iso === null) return null;
	if (iso.startsWith(`${date}T${time}`)) {
		if (offsetCache.size >= CACHE_LIMIT) offsetCache.clear();
		offsetCache.set(key, iso.slice(19));
	}
	return { date, time, iso };
}
