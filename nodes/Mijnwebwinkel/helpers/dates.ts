/**
 * Mijnwebwinkel's date filters are shop-local (core/time-zone.ts) without an offset: `yyyy-mm-dd` for order
 * dates, `yyyy-mm-dd hh:mm:ss` for status-change moments. Values from the editor or an expression (ISO text,
 * Date, luxon DateTime) are converted to that zone here, so a summer/winter offset is never off by an hour.
 */
import { DateTime } from 'luxon';
import { SHOP_TIME_ZONE } from '../../../core/time-zone';

export class DateInputError extends Error {}

function toDateTime(value: unknown, what: string): DateTime {
	let dt: DateTime | undefined;
	if (DateTime.isDateTime(value)) dt = value.setZone(SHOP_TIME_ZONE);
	else if (value instanceof Date) dt = DateTime.fromJSDate(value).setZone(SHOP_TIME_ZONE);
	else if (typeof value === 'string') {
		const text = value.trim();
		// ISO text with an offset is converted to shop time; text without one is read as shop time
		dt = DateTime.fromISO(text, { zone: SHOP_TIME_ZONE });
		if (!dt.isValid) dt = DateTime.fromSQL(text, { zone: SHOP_TIME_ZONE });
		dt = dt.setZone(SHOP_TIME_ZONE);
	}
	if (!dt || !dt.isValid) {
		throw new DateInputError(
			`${what}: "${String(value)}" is not a date (expected e.g. 2025-03-01 or 2025-03-01T08:00:00)`,
		);
	}
	return dt;
}

const isDateOnly = (value: unknown) =>
	typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value);

/** → `yyyy-MM-dd` in shop time */
export function shopDate(value: unknown, what: string): string {
	return toDateTime(value, what).toFormat('yyyy-MM-dd');
}

/** → `yyyy-MM-dd HH:mm:ss` in shop time; a bare date as an END bound means the end of that day */
export function shopDateTime(value: unknown, what: string, bound: 'start' | 'end'): string {
	let dt = toDateTime(value, what);
	if (bound === 'end' && isDateOnly(value)) dt = dt.endOf('day');
	return dt.toFormat('yyyy-MM-dd HH:mm:ss');
}

/**
 * Start of the "last N days" window: midnight (shop time) N days before today. N = 1 covers yesterday and
 * today, so a daily run overlaps the previous one by a day.
 */
export function lastDaysStart(days: number, now: DateTime = DateTime.now()): string {
	return now.setZone(SHOP_TIME_ZONE).startOf('day').minus({ days }).toFormat('yyyy-MM-dd HH:mm:ss');
}

export const isEmptyDate = (value: unknown) =>
	value === undefined || value === null || value === '';
