import { BOOKING_RECORD_COLUMNS } from '../../../core/booking-record/columns';
import {
	bookingOutcomeOf,
	bookingRows,
	mergeOutcome,
	openProblems,
	rowForTable,
	storedRow,
} from '../../../core/booking-record/row';

const DAY1 = '2026-11-01T05:00:00.000Z';
const DAY2 = '2026-11-02T05:00:00.000Z';
const DAY3 = '2026-11-03T05:00:00.000Z';

const refused = {
	orderNumber: '1042',
	outcome: 'failed',
	refused: true,
	stage: 'invoice',
	code: 'unmapped_vat_rate',
	reason: 'VAT rate 13 is not mapped',
	hint: 'Add 13 to VAT Rates',
	orderDate: '2026-10-30',
	orderStatus: 'Betaald',
	amountCents: 12100,
};
const sent = {
	orderNumber: '1042',
	outcome: 'sent',
	invoicenr: '2026-0007',
	paid: true,
	orderDate: '2026-10-30',
	orderStatus: 'Betaald',
	amountCents: 12100,
};

describe('booking record rows', () => {
	it('a refusal is an open problem with its code and fix; booking it later closes it and keeps the first attempt', () => {
		const day1 = mergeOutcome(null, refused, DAY1);
		expect(day1).toMatchObject({
			orderNumber: '1042',
			outcome: 'refused',
			code: 'unmapped_vat_rate',
			fix: 'Add 13 to VAT Rates',
			stage: 'invoice',
			openProblem: true,
			amount: '121.00',
			orderDate: '2026-10-30',
			status: 'Betaald',
			invoiceNumber: null,
			paid: null,
			bookedAt: null,
			firstTried: DAY1,
			lastTried: DAY1,
			attempts: 1,
		});
		const day2 = mergeOutcome(day1, sent, DAY2);
		expect(day2).toMatchObject({
			outcome: 'sent',
			invoiceNumber: '2026-0007',
			paid: true,
			openProblem: false,
			code: null,
			fix: null,
			reason: null,
			stage: null,
			firstTried: DAY1,
			lastTried: DAY2,
			bookedAt: DAY2,
			attempts: 2,
		});
	});

	it('a failure that is not a refusal is "failed"; an unknown outcome is an error', () => {
		expect(bookingOutcomeOf({ outcome: 'failed', code: 'http_503' })).toBe('failed');
		expect(bookingOutcomeOf({ outcome: 'failed', refused: true })).toBe('refused');
		expect(bookingOutcomeOf({ outcome: 'skipped' })).toBe('skipped');
		// the budget had no room for it: recorded, no problem, not booked; a booked order stays booked
		expect(
			mergeOutcome(
				null,
				{ orderNumber: '9', outcome: 'waiting', code: 'waiting_for_budget' },
				DAY1,
			),
		).toMatchObject({ outcome: 'waiting', openProblem: false, bookedAt: null });
		expect(
			mergeOutcome(
				mergeOutcome(null, sent, DAY1),
				{ orderNumber: '1042', outcome: 'waiting' },
				DAY2,
			),
		).toMatchObject({ outcome: 'sent', bookedAt: DAY1 });
		expect(() => bookingOutcomeOf({ orderNumber: '1', outcome: 'booked' })).toThrow(/not one of/);
		expect(() => bookingOutcomeOf({ orderNumber: '1', outcome: 'refused' })).toThrow(/not one of/);
		expect(() => mergeOutcome(null, { outcome: 'sent' }, DAY1)).toThrow(/without an order number/);
	});

	it('a booked order stays booked when a later run fails on it; a re-run adopting it keeps "sent" and the booking time', () => {
		const booked = mergeOutcome(null, sent, DAY1);
		const failedLater = mergeOutcome(
			booked,
			{ orderNumber: '1042', outcome: 'failed', stage: 'debtor', code: 'http_503', reason: 'down' },
			DAY2,
		);
		expect(failedLater).toMatchObject({
			outcome: 'sent',
			invoiceNumber: '2026-0007',
			openProblem: false,
			code: null,
			bookedAt: DAY1,
			lastTried: DAY2,
			attempts: 2,
		});
		const adopted = mergeOutcome(
			failedLater,
			{ orderNumber: '1042', outcome: 'adopted', invoicenr: '2026-0007', paid: true },
			DAY3,
		);
		expect(adopted).toMatchObject({
			outcome: 'sent',
			bookedAt: DAY1,
			openProblem: false,
			attempts: 3,
		});
		// first seen as already invoiced (by another connector, or an earlier run whose answer was lost)
		expect(
			mergeOutcome(
				null,
				{ orderNumber: '7', outcome: 'adopted', invoicenr: 'X1', paid: false },
				DAY1,
			),
		).toMatchObject({
			outcome: 'adopted',
			paid: false,
			bookedAt: DAY1,
			openProblem: false,
		});
	});

	it('a mismatch is an open problem on a booked order until the invoice reconciles again', () => {
		const booked = mergeOutcome(null, sent, DAY1);
		const mismatch = mergeOutcome(
			booked,
			{
				orderNumber: '1042',
				outcome: 'mismatched',
				invoicenr: '2026-0007',
				reason: 'total differs',
				hint: 'Correct the invoice',
			},
			DAY2,
		);
		expect(mismatch).toMatchObject({
			outcome: 'mismatched',
			openProblem: true,
			code: 'mismatch',
			stage: 'read-back',
			fix: 'Correct the invoice',
			bookedAt: DAY1,
		});
		// a transient failure does not hide the mismatch
		expect(
			mergeOutcome(mismatch, { orderNumber: '1042', outcome: 'failed', code: 'http_500' }, DAY3),
		).toMatchObject({ outcome: 'mismatched', openProblem: true });
		expect(
			mergeOutcome(
				mismatch,
				{ orderNumber: '1042', outcome: 'adopted', invoicenr: '2026-0007', paid: true },
				DAY3,
			),
		).toMatchObject({
			outcome: 'adopted',
			openProblem: false,
			bookedAt: DAY1,
		});
	});

	it('a skipped order is recorded but is no problem; skipping a refused order closes its problem', () => {
		const skip = {
			orderNumber: '1042',
			outcome: 'skipped',
			code: 'status_not_invoiceable',
			reason: 'Geannuleerd',
		};
		expect(mergeOutcome(null, skip, DAY1)).toMatchObject({
			outcome: 'skipped',
			openProblem: false,
			code: 'status_not_invoiceable',
		});
		expect(mergeOutcome(mergeOutcome(null, refused, DAY1), skip, DAY2)).toMatchObject({
			outcome: 'skipped',
			openProblem: false,
			firstTried: DAY1,
		});
	});

	it('bookingRows: merges with the stored rows as the Data Table gives them back, one row per order, one attempt per run', () => {
		const storedJson = {
			...rowForTable(mergeOutcome(null, refused, DAY1)),
			id: 3,
			createdAt: DAY1,
			updatedAt: DAY1,
		};
		const rows = bookingRows(
			[storedJson, {}],
			[
				{ orderNumber: '1042', outcome: 'failed', code: 'http_500', reason: 'down' },
				sent,
				{ orderNumber: '2001', outcome: 'failed', refused: true, code: 'test_order' },
				{ orderNumber: null, outcome: 'failed', code: 'invalid_token' },
			],
			DAY2,
		);
		expect(rows.map((r) => r.orderNumber)).toEqual(['1042', '2001']);
		expect(rows[0]).toMatchObject({
			outcome: 'sent',
			firstTried: DAY1,
			attempts: 2,
			openProblem: false,
		});
		expect(rows[1]).toMatchObject({
			outcome: 'refused',
			firstTried: DAY2,
			attempts: 1,
			openProblem: true,
		});
		// every column is written, nothing else (the Data Table node maps keys to columns)
		expect(Object.keys(rowForTable(rows[0]))).toEqual(BOOKING_RECORD_COLUMNS.map((c) => c.name));
	});

	it('storedRow: dates come back as ISO strings; a row without order number or outcome is not a row', () => {
		expect(storedRow({})).toBeNull();
		expect(storedRow({ orderNumber: '1', outcome: 'nonsense', firstTried: DAY1 })).toBeNull();
		expect(
			storedRow({
				orderNumber: '1',
				outcome: 'sent',
				firstTried: '2026-11-01T06:00:00.000+01:00',
				bookedAt: '',
			}),
		).toMatchObject({
			firstTried: DAY1,
			lastTried: DAY1,
			bookedAt: null,
		});
	});

	it('openProblems: oldest first, booked ones gone', () => {
		const a = mergeOutcome(null, { ...refused, orderNumber: '10' }, DAY2);
		const b = mergeOutcome(null, { ...refused, orderNumber: '9' }, DAY1);
		const c = mergeOutcome(
			mergeOutcome(null, { ...refused, orderNumber: '8' }, DAY1),
			{ ...sent, orderNumber: '8' },
			DAY2,
		);
		const d = mergeOutcome(null, { ...refused, orderNumber: '11' }, DAY1);
		expect(openProblems([a, b, c, d]).map((r) => r.orderNumber)).toEqual(['9', '11', '10']);
	});
});
