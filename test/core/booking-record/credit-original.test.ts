import { recordedOriginals } from '../../../core/booking-record/credit-original';
import { bookingRows, rowForTable } from '../../../core/booking-record/row';

const DAY1 = '2026-11-01T05:00:00.000Z';
const DAY2 = '2026-11-02T05:00:00.000Z';

/** rows as the template writes them after a run, read back as the Data Table gives them */
const stored = (outcomes: Array<Record<string, unknown>>, now = DAY1, before: unknown[] = []) =>
	bookingRows(before as Array<Record<string, unknown>>, outcomes, now).map(
		(r) => ({ id: 1, createdAt: now, ...rowForTable(r) }) as Record<string, unknown>,
	);

describe("a credited order's invoice, as the booking record knows it", () => {
	it('booked (sent, adopted, mismatched) → its invoice number', () => {
		const rows = stored([
			{ orderNumber: '1', outcome: 'sent', invoicenr: '2026-0001' },
			{ orderNumber: '2', outcome: 'adopted', invoicenr: '2026-0002' },
			{ orderNumber: '3', outcome: 'mismatched', invoicenr: '2026-0003', code: 'x' },
		]);
		const answers = recordedOriginals(rows);
		expect(answers.get('1')).toEqual({ invoiceNumber: '2026-0001' });
		expect(answers.get('2')).toEqual({ invoiceNumber: '2026-0002' });
		expect(answers.get('3')).toEqual({ invoiceNumber: '2026-0003' });
	});

	it('refused or skipped, never booked → not invoiced; refused first and booked later → its invoice', () => {
		const day1 = stored([
			{ orderNumber: '4', outcome: 'failed', refused: true, code: 'unmapped_vat_rate' },
			{ orderNumber: '5', outcome: 'skipped', code: 'status_not_invoiceable' },
			{ orderNumber: '6', outcome: 'failed', refused: true, code: 'unmapped_vat_rate' },
		]);
		expect(recordedOriginals(day1).get('4')).toBe('not invoiced');
		expect(recordedOriginals(day1).get('5')).toBe('not invoiced');
		const day2 = stored(
			[{ orderNumber: '6', outcome: 'sent', invoicenr: '2026-0006' }],
			DAY2,
			day1.filter((r) => r.orderNumber === '6'),
		);
		expect(recordedOriginals(day2).get('6')).toEqual({ invoiceNumber: '2026-0006' });
	});

	it('a failure (its create may have gone through), a wait for budget, or no row → no answer', () => {
		const rows = stored([
			{ orderNumber: '7', outcome: 'failed', code: 'create_outcome_unknown' },
			{ orderNumber: '8', outcome: 'waiting', code: 'waiting_for_budget' },
		]);
		const answers = recordedOriginals([...rows, {}, { orderNumber: '9' }]);
		expect(answers.has('7')).toBe(false);
		expect(answers.has('8')).toBe(false);
		expect(answers.has('9')).toBe(false);
	});
});
