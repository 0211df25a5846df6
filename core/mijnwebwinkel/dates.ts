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

/** null when the date or time is missing or not a real calendar moment */
export function localMoment(rawDate: unknown, rawTime: unknown, timeZone: string): LocalMoment | null {
	const date = textOf(rawDate).trim();
	let time = textOf(rawTime).trim() || '00:00:00';
	if (!DATE.test(date) || !TIME.test(time)) return null;
	if (time.length === 5) time += ':00';
	const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
	if (!dt.isValid) return null;
	const iso = dt.toISO({ suppressMilliseconds: true });
	return iso === null ? null : { date, time, iso };
}
