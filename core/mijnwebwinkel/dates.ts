/**
 * Mijnwebwinkel sends `date` and `time` without an offset, in the shop's local time (Europe/Amsterdam,
 * docs/api-readings.md). The offset is looked up for that very date, so summer orders get +02:00 and winter
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
 * Time-zone lookups (luxon) are the slowest step of the mapper, and an offset changes at most at a DST switch.
 * Per time zone and date the cache holds either the one offset of the whole day (when it is the same at
 * 00:00:00, 12:00:00 and 23:59:59: no switch that day), or, on a switch day, one slot per hour that luxon kept
 * as it was (not the skipped DST hour, which it moves). The cache is bounded.
 */
interface DayOffsets {
	/** the offset of every moment of the day, or null on a DST switch day */
	whole: string | null;
	/** switch days: the offset per hour, where known */
	hours: string[];
}
const offsetCache = new Map<string, Map<string, DayOffsets>>();
const CACHE_LIMIT = 10_000; // dates per time zone: decades of orders

/** "HH:mm:ss" (digits checked by TIME) with minutes and seconds below 60 */
const minutesAndSecondsValid = (time: string): boolean =>
	time.charCodeAt(3) <= 53 && time.charCodeAt(6) <= 53;

/** the ISO text luxon gives for a local date and time, or null when it is not a real moment */
function luxonIso(date: string, time: string, timeZone: string): string | null {
	const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
	return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null;
}

/** the offset luxon gives to a local moment it keeps as it is, else null */
function keptOffset(date: string, time: string, timeZone: string): string | null {
	const iso = luxonIso(date, time, timeZone);
	return iso !== null && iso.startsWith(`${date}T${time}`) ? iso.slice(19) : null;
}

function dayOffsets(date: string, timeZone: string): DayOffsets {
	let byDate = offsetCache.get(timeZone);
	if (byDate === undefined) {
		if (offsetCache.size >= 100) offsetCache.clear(); // time zones: one per shop in practice
		byDate = new Map();
		offsetCache.set(timeZone, byDate);
	}
	let day = byDate.get(date);
	if (day === undefined) {
		const start = keptOffset(date, '00:00:00', timeZone);
		const uniform =
			start !== null &&
			keptOffset(date, '12:00:00', timeZone) === start &&
			keptOffset(date, '23:59:59', timeZone) === start;
		day = { whole: uniform ? start : null, hours: [] };
		if (byDate.size >= CACHE_LIMIT) byDate.clear();
		byDate.set(date, day);
	}
	return day;
}

/** null when the date or time is missing or not a real calendar moment */
export function localMoment(
	rawDate: unknown,
	rawTime: unknown,
	timeZone: string,
): LocalMoment | null {
	const date = textOf(rawDate).trim();
	let time = textOf(rawTime).trim() || '00:00:00';
	if (!DATE.test(date) || !TIME.test(time)) return null;
	if (time.length === 5) time += ':00';
	const hour = (time.charCodeAt(0) - 48) * 10 + (time.charCodeAt(1) - 48); // TIME checked the digits
	if (hour < 24 && minutesAndSecondsValid(time)) {
		const day = dayOffsets(date, timeZone);
		const known = day.whole ?? day.hours[hour];
		if (known !== undefined) return { date, time, iso: `${date}T${time}${known}` };
		// a DST switch day: ask luxon for this moment, remember the hour's offset when luxon kept it
		const iso = luxonIso(date, time, timeZone);
		if (iso === null) return null;
		if (iso.startsWith(`${date}T${time}`)) day.hours[hour] = iso.slice(19);
		return { date, time, iso };
	}
	const iso = luxonIso(date, time, timeZone); // hour 24 and up, minute or second 60 and up: luxon decides
	return iso === null ? null : { date, time, iso };
}
