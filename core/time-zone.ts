/**
 * Both services keep Dutch local time: Mijnwebwinkel's order dates and date filters carry no offset, and
 * Factuursturen's invoice dates and budget renewals are Amsterdam dates (docs/api-readings.md).
 */
export const SHOP_TIME_ZONE = 'Europe/Amsterdam';

/** Today (or the day of `now`) in the shop's time zone as YYYY-MM-DD ('sv-SE' writes dates that way). */
export function shopToday(now: Date = new Date()): string {
	return now.toLocaleDateString('sv-SE', { timeZone: SHOP_TIME_ZONE });
}
