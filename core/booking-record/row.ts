/**
 * What a booking-record row says after a run: the run's outcome of an order merged into the row the table
 * already holds for it. The rules, once:
 * - a booked order stays booked: a later failure of the same order (a debtor look-up that fails on a re-run
 *   of the lookback overlap) does not turn it into a problem again; only a mismatch with its invoice does;
 * - a problem (refused, failed, mismatched) is open until the order is booked;
 * - the first attempt and the booking time are kept; attempts count runs, not outcome items.
 */
import { formatCents } from '../money';
import {
	BOOKING_OUTCOMES,
	BOOKING_RECORD_COLUMNS,
	type BookingOutcome,
	type BookingRow,
} from './columns';

/** One order's outcome as the template's outcome branches give it. */
export interface OutcomeItem {
	orderNumber?: unknown;
	/** sent | adopted | skipped | failed | mismatched */
	outcome?: unknown;
	/** a failure that is a refusal of the order itself (its data or the mapping), not of the API or network */
	refused?: unknown;
	stage?: unknown;
	code?: unknown;
	reason?: unknown;
	hint?: unknown;
	invoicenr?: unknown;
	paid?: unknown;
	orderDate?: unknown;
	orderStatus?: unknown;
	amountCents?: unknown;
	/** the Factuursturen budget left after the order's last request, when it made one */
	budgetLeft?: unknown;
}

const text = (v: unknown): string | null =>
	v === undefined || v === null || String(v).trim() === '' ? null : String(v);

/** The booking outcome of an outcome item: a failed item that is a refusal is `refused`. */
export function bookingOutcomeOf(item: OutcomeItem): BookingOutcome {
	const outcome = String(item.outcome ?? '');
	if (outcome === 'failed' && item.refused === true) return 'refused';
	if (!(BOOKING_OUTCOMES as readonly string[]).includes(outcome) || outcome === 'refused') {
		throw new Error(
			`Outcome "${outcome}" of order ${String(item.orderNumber)} is not one of sent, adopted, skipped, failed, mismatched, waiting`,
		);
	}
	return outcome as BookingOutcome;
}

export const isProblem = (outcome: BookingOutcome): boolean =>
	outcome === 'refused' || outcome === 'failed' || outcome === 'mismatched';

/** A row counts as booked once an invoice exists for the order (sent, adopted, or found to differ from it). */
export const isBooked = (row: BookingRow | null): boolean => row !== null && row.bookedAt !== null;

function amountOf(item: OutcomeItem): string | null {
	const cents = item.amountCents;
	return typeof cents === 'number' && Number.isSafeInteger(cents) ? formatCents(cents) : null;
}

/**
 * `existing` merged with one outcome at `now` (ISO). `countAttempt` is false for a second outcome of the same
 * order in one run.
 */
export function mergeOutcome(
	existing: BookingRow | null,
	item: OutcomeItem,
	now: string,
	countAttempt = true,
): BookingRow {
	const orderNumber = text(item.orderNumber);
	if (orderNumber === null)
		throw new Error('An outcome without an order number cannot be recorded');
	const outcome = bookingOutcomeOf(item);
	const base: BookingRow = existing ?? {
		orderNumber,
		orderDate: null,
		status: null,
		invoiceNumber: null,
		amount: null,
		paid: null,
		outcome,
		stage: null,
		code: null,
		reason: null,
		fix: null,
		openProblem: false,
		attempts: 0,
		firstTried: now,
		lastTried: now,
		bookedAt: null,
	};
	const row: BookingRow = {
		...base,
		orderNumber,
		orderDate: text(item.orderDate) ?? base.orderDate,
		status: text(item.orderStatus) ?? base.status,
		amount: amountOf(item) ?? base.amount,
		attempts: base.attempts + (countAttempt ? 1 : 0),
		lastTried: now,
	};
	const problem = {
		stage: text(item.stage),
		code: text(item.code),
		reason: text(item.reason),
		fix: text(item.hint),
	};
	switch (outcome) {
		case 'sent':
		case 'adopted':
			return {
				...row,
				// a re-run adopts what an earlier run sent: the record keeps that it was sent
				outcome: base.outcome === 'sent' && existing !== null ? 'sent' : outcome,
				invoiceNumber: text(item.invoicenr) ?? base.invoiceNumber,
				paid: typeof item.paid === 'boolean' ? item.paid : base.paid,
				bookedAt: base.bookedAt ?? now,
				stage: null,
				code: null,
				reason: null,
				fix: null,
				openProblem: false,
			};
		case 'mismatched':
			return {
				...row,
				outcome,
				invoiceNumber: text(item.invoicenr) ?? base.invoiceNumber,
				bookedAt: base.bookedAt ?? now,
				...problem,
				stage: problem.stage ?? 'read-back',
				code: problem.code ?? 'mismatch',
				openProblem: true,
			};
		default:
			if (isBooked(existing)) return row;
			return {
				...row,
				outcome,
				...problem,
				invoiceNumber: null,
				paid: null,
				openProblem: isProblem(outcome),
			};
	}
}

function isoOrNull(v: unknown): string | null {
	if (v === undefined || v === null || v === '') return null;
	const d = v instanceof Date ? v : new Date(String(v));
	return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A row as the Data Table node reads it back (system columns and unknown keys dropped), or null for a non-row. */
export function storedRow(json: Record<string, unknown>): BookingRow | null {
	const orderNumber = text(json.orderNumber);
	if (orderNumber === null) return null;
	const outcome = String(json.outcome ?? '');
	const firstTried = isoOrNull(json.firstTried) ?? isoOrNull(json.createdAt);
	if (!(BOOKING_OUTCOMES as readonly string[]).includes(outcome) || firstTried === null)
		return null;
	return {
		orderNumber,
		orderDate: text(json.orderDate),
		status: text(json.status),
		invoiceNumber: text(json.invoiceNumber),
		amount: text(json.amount),
		paid: typeof json.paid === 'boolean' ? json.paid : null,
		outcome: outcome as BookingOutcome,
		stage: text(json.stage),
		code: text(json.code),
		reason: text(json.reason),
		fix: text(json.fix),
		openProblem: json.openProblem === true,
		attempts: typeof json.attempts === 'number' ? json.attempts : 0,
		firstTried,
		lastTried: isoOrNull(json.lastTried) ?? firstTried,
		bookedAt: isoOrNull(json.bookedAt),
	};
}

/**
 * The rows to write after a run: every order that has an outcome, merged with its stored row (if any), in the
 * order the outcomes came. Outcomes without an order number (a failure of a whole list) are not per order and
 * stay in the run's report only.
 */
export function bookingRows(
	stored: Array<Record<string, unknown>>,
	outcomes: OutcomeItem[],
	now: string,
): BookingRow[] {
	const rows = new Map<string, BookingRow>();
	for (const json of stored) {
		const row = storedRow(json);
		if (row) rows.set(row.orderNumber, row);
	}
	const touched: string[] = [];
	for (const item of outcomes) {
		const number = text(item.orderNumber);
		if (number === null) continue;
		const first = !touched.includes(number);
		rows.set(number, mergeOutcome(rows.get(number) ?? null, item, now, first));
		if (first) touched.push(number);
	}
	return touched.map((n) => rows.get(n)!);
}

/** Problems still open, oldest first (first attempt, then order number): what the daily report lists. */
export function openProblems(rows: BookingRow[]): BookingRow[] {
	return rows
		.filter((r) => r.openProblem)
		.sort(
			(a, b) =>
				a.firstTried.localeCompare(b.firstTried) ||
				a.orderNumber.localeCompare(b.orderNumber, 'en', { numeric: true }),
		);
}

/** A row with every column present, in column order (the Data Table node maps item keys to columns). */
export function rowForTable(row: BookingRow): Record<string, unknown> {
	return Object.fromEntries(BOOKING_RECORD_COLUMNS.map((c) => [c.name, row[c.name]]));
}
