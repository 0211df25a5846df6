/**
 * How far back the duplicate check's invoice list reads for the originals of credit orders.
 *
 * A credit note names the invoice of the order it credits. When that original is neither in the batch (whose
 * dates the list covers) nor in the booking record, the only other way is one reference search per credit. Reading
 * the list further back answers all of them at once, but costs pages of every invoice sent in those days, so it
 * is worth it only when it takes fewer requests than the searches it replaces. The window the list has already
 * read tells how many invoices a day the account sends; from that the reach is planned. Today's invoices do not
 * count: the day is not over, and a migration sends all of its invoices today, none of them on the earlier days
 * the reach would read.
 */
import { dayBefore, daysFrom } from '../calendar-day';

export interface ReachQuestion {
	/** `since` of the window already read (invoices sent on or after it) */
	windowSince: string;
	/** the last day the window covers: today in the shop */
	today: string;
	/** how many invoices the window held that were sent before today */
	windowInvoices: number;
	/** invoices per page of the list */
	pageSize: number;
	/** order dates of the originals the window does not cover, one per credit that would otherwise search */
	originalDates: string[];
}

export interface Reach {
	/** read the invoices sent from `since` up to and including `until` (the day before the window) */
	since: string;
	until: string;
	/** the credits whose original this covers, each a search saved */
	covered: number;
	/** the pages it is expected to take */
	pages: number;
}

/**
 * The earlier stretch worth reading, or null when searching is as cheap. Of the originals, sorted newest first,
 * the k newest are covered by reaching to the k-th one's day; the k that saves the most requests (searches saved
 * minus pages) wins, the deeper one on a tie; none is chosen when no k saves any. An original dated on the
 * window's first day or later is covered already and is not counted.
 */
export function listReach(q: ReachQuestion): Reach | null {
	const until = dayBefore(q.windowSince);
	const days = q.originalDates
		.map((d) => dayBefore(d))
		.filter((since) => since <= until)
		.sort()
		.reverse();
	if (days.length === 0) return null;
	const windowDays = Math.max(1, daysFrom(q.windowSince, q.today));
	const perDay = q.windowInvoices / windowDays;
	let best: Reach | null = null;
	let bestSaved = 0;
	for (let k = 1; k <= days.length; k++) {
		const since = days[k - 1];
		// k originals on the same day are all covered once the list reaches that day
		if (k < days.length && days[k] === since) continue;
		const expected = perDay * (daysFrom(since, until) + 1);
		// the list reads pages until one comes back short: one more than the full pages
		const pages = Math.floor(expected / q.pageSize) + 1;
		const saved = k - pages;
		if (saved >= bestSaved) {
			best = { since, until, covered: k, pages };
			bestSaved = saved;
		}
	}
	return best;
}
