/**
 * The booking record: one row per order in an n8n Data Table, kept across executions (n8n prunes its
 * execution log; this table is what answers "was order 1042 booked, and when?" and "what still needs a
 * hand?"). The template creates the table with exactly these columns and writes rows shaped by
 * `bookingRows` (row.ts).
 */

/** The Data Table's name. n8n looks tables up by a case-insensitive substring match, so it is distinctive. */
export const BOOKING_RECORD_TABLE = 'mijnwebwinkel_factuursturen_bookings';

export type BookingColumnType = 'string' | 'number' | 'boolean' | 'date';

export interface BookingRow {
	orderNumber: string;
	/** the order date (YYYY-MM-DD, shop time) */
	orderDate: string | null;
	/** the order's status name in the shop when it was last tried */
	status: string | null;
	invoiceNumber: string | null;
	/** the order total incl. VAT as a decimal string ("121.00"); never a float */
	amount: string | null;
	/** booked as paid (true) or open (false); null while not booked */
	paid: boolean | null;
	outcome: BookingOutcome;
	/** where it went wrong: fetch, debtor, duplicate check, invoice, read-back */
	stage: string | null;
	code: string | null;
	reason: string | null;
	fix: string | null;
	/** true while the order needs a hand: refused, failed or mismatched and not booked since */
	openProblem: boolean;
	attempts: number;
	/** ISO timestamps */
	firstTried: string;
	lastTried: string;
	bookedAt: string | null;
}

/** `waiting`: the budget had no room for it in that run; the next run books it (no problem, not booked yet) */
export const BOOKING_OUTCOMES = [
	'sent',
	'adopted',
	'refused',
	'failed',
	'mismatched',
	'skipped',
	'waiting',
] as const;
export type BookingOutcome = (typeof BOOKING_OUTCOMES)[number];

/** Column order is the order n8n shows them in. */
export const BOOKING_RECORD_COLUMNS: ReadonlyArray<{
	name: keyof BookingRow;
	type: BookingColumnType;
}> = [
	{ name: 'orderNumber', type: 'string' },
	{ name: 'orderDate', type: 'string' },
	{ name: 'status', type: 'string' },
	{ name: 'invoiceNumber', type: 'string' },
	{ name: 'amount', type: 'string' },
	{ name: 'paid', type: 'boolean' },
	{ name: 'outcome', type: 'string' },
	{ name: 'stage', type: 'string' },
	{ name: 'code', type: 'string' },
	{ name: 'reason', type: 'string' },
	{ name: 'fix', type: 'string' },
	{ name: 'openProblem', type: 'boolean' },
	{ name: 'attempts', type: 'number' },
	{ name: 'firstTried', type: 'date' },
	{ name: 'lastTried', type: 'date' },
	{ name: 'bookedAt', type: 'date' },
];
