/**
 * listReach: how far back the invoice list reads for credited originals, against a search per credit. Expected
 * pages are worked out by hand here: invoices a day (the window's invoices sent before today ÷ its days before
 * today) × days reached, full pages plus one.
 */
import { listReach } from '../../../core/booking/list-reach';

// window: invoices sent from 2026-11-27 to 2026-11-30; 3 days before today
const base = { windowSince: '2026-11-27', today: '2026-11-30', pageSize: 100 };

describe('listReach', () => {
	it('no originals before the window: nothing to reach for', () => {
		expect(listReach({ ...base, windowInvoices: 40, originalDates: [] })).toBeNull();
		// dated on the window's day after its first: its invoice is listed on or after 2026-11-27 already
		expect(listReach({ ...base, windowInvoices: 40, originalDates: ['2026-11-28'] })).toBeNull();
	});

	it('a quiet account: one page reaches all originals, each a search saved', () => {
		// 30 over 3 days, 10 a day; back to 2026-11-09 is 18 days before the window: 180 expected, 2 pages for 3 searches
		expect(
			listReach({
				...base,
				windowInvoices: 30,
				originalDates: ['2026-11-20', '2026-11-10', '2026-11-24'],
			}),
		).toEqual({ since: '2026-11-09', until: '2026-11-26', covered: 3, pages: 2 });
	});

	it('one original, one page: as cheap as the search, and the list is taken (it also knows "none")', () => {
		expect(listReach({ ...base, windowInvoices: 3, originalDates: ['2026-11-20'] })).toEqual({
			since: '2026-11-19',
			until: '2026-11-26',
			covered: 1,
			pages: 1,
		});
	});

	it('a busy account: the deep original is left to its search, the recent ones are reached', () => {
		// 100 a day: 2026-11-24 → 3 days, 300 → 4 pages for 5 searches (saves 1); a year back saves nothing
		expect(
			listReach({
				...base,
				windowInvoices: 300,
				originalDates: [
					'2026-11-25',
					'2026-11-25',
					'2026-11-25',
					'2026-11-25',
					'2026-11-25',
					'2025-11-01',
				],
			}),
		).toEqual({ since: '2026-11-24', until: '2026-11-26', covered: 5, pages: 4 });
	});

	it('when no stretch saves a request, none is read', () => {
		// 100 a day, one original 10 days before the window: 12 days, 1,200 expected, 13 pages for one search
		expect(listReach({ ...base, windowInvoices: 300, originalDates: ['2026-11-16'] })).toBeNull();
	});
});
