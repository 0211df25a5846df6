import { DateTime } from 'luxon';
import { lastDaysStart, shopDate, shopDateTime } from '../../../nodes/Mijnwebwinkel/helpers/dates';
import { compareOrderNumbers } from '../../../nodes/Mijnwebwinkel/helpers/orderNumber';
import { redactSecrets } from '../../../nodes/Mijnwebwinkel/transport/redact';
import { hintFor, retryAfterSeconds } from '../../../nodes/Mijnwebwinkel/transport/request';

describe('redactSecrets', () => {
	test('token query values and the raw or URL-encoded secrets themselves', () => {
		const text =
			'GET https://api.myonlinestore.com/v1/orders?format=json&token=abc%2B1&partner_token=p+q&limit=100 failed; token abc+1 / p q';
		const out = redactSecrets(text, ['abc+1', 'p q']);
		expect(out).toBe(
			'GET https://api.myonlinestore.com/v1/orders?format=json&token=***&partner_token=***&limit=100 failed; token *** / ***',
		);
	});
	test('empty secrets are ignored', () => {
		expect(redactSecrets('nothing here', ['', ''])).toBe('nothing here');
	});
});

describe('retryAfterSeconds', () => {
	const now = Date.parse('2026-03-01T12:00:00Z');
	test.each([
		['5', 5],
		['0', 0],
		['1.2', 2],
		['Sun, 01 Mar 2026 12:00:30 GMT', 30],
		['Sun, 01 Mar 2026 11:00:00 GMT', 0],
		['soon', undefined],
		[undefined, undefined],
	])('%s → %s', (value, seconds) => expect(retryAfterSeconds(value, now)).toBe(seconds));
});

describe('shop-time dates (Europe/Amsterdam)', () => {
	test('summer and winter offsets', () => {
		expect(shopDateTime('2026-07-01T12:00:00Z', 'x', 'start')).toBe('2026-07-01 14:00:00');
		expect(shopDateTime('2026-01-15T12:00:00Z', 'x', 'start')).toBe('2026-01-15 13:00:00');
		expect(shopDateTime('2026-01-15T12:00:00', 'x', 'start')).toBe('2026-01-15 12:00:00');
		expect(shopDateTime('2026-01-15', 'x', 'end')).toBe('2026-01-15 23:59:59');
		expect(shopDate(new Date('2026-10-24T22:30:00Z'), 'x')).toBe('2026-10-25');
		expect(shopDate(DateTime.fromISO('2026-10-25T23:30:00Z'), 'x')).toBe('2026-10-26');
	});
	test('last N days across the spring DST switch', () => {
		const now = DateTime.fromISO('2026-03-29T01:30:00Z'); // 03:30 CEST, the night the clocks went forward
		expect(lastDaysStart(1, now)).toBe('2026-03-28 00:00:00');
		expect(lastDaysStart(0, now)).toBe('2026-03-29 00:00:00');
		// 23:30 UTC on 28 March is already 29 March in Amsterdam
		expect(lastDaysStart(2, DateTime.fromISO('2026-03-28T23:30:00Z'))).toBe('2026-03-27 00:00:00');
	});
	test('text that is no date is refused', () => {
		expect(() => shopDate('31-02-2026', 'Order Date From')).toThrow(
			'Order Date From: "31-02-2026" is not a date',
		);
	});
});

test('order numbers sort as numbers', () => {
	expect(['1000', '999', 'T-5', '12'].sort(compareOrderNumbers)).toEqual([
		'T-5',
		'12',
		'999',
		'1000',
	]);
});

test('hints name the way out', () => {
	expect(hintFor(401, 'Invalid token', 'GET /v1/store').hint).toContain('Token toevoegen');
	expect(hintFor(401, 'Invalid partner token', 'GET /v1/store').code).toBe('invalid_partner_token');
	expect(hintFor(403, 'Token issued for another partner', 'GET /v1/store').code).toBe(
		'token_other_partner',
	);
	expect(hintFor(403, 'API not available on this plan', 'GET /v1/store').hint).toContain('PREMIUM');
	expect(hintFor(403, undefined, 'GET /v1/store').hint).toMatch(/partner.*PREMIUM/);
	expect(hintFor(503, undefined, 'GET /v1/store').code).toBe('server_error');
});
