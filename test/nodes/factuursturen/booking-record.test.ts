import type { IDataObject } from 'n8n-workflow';
import { BOOKING_RECORD_COLUMNS } from '../../../core/booking-record/columns';
import { Factuursturen } from '../../../nodes/Factuursturen/Factuursturen.node';
import { createContext } from '../../support/n8n-context';

async function buildRows(stored: IDataObject[], outcomes: unknown) {
	const node = new Factuursturen();
	const { execute } = createContext({
		nodeType: node,
		parameters: { resource: 'bookingRecord', operation: 'buildRows', outcomes },
		items: stored.map((json) => ({ json })),
	});
	return (await node.execute.call(execute))[0];
}

describe('Factuursturen › Booking Record › Build Rows', () => {
	it('turns outcome items into one full row per order, merged with the stored rows (no account needed)', async () => {
		const stored = {
			id: 1,
			createdAt: '2026-11-01T05:00:00.000Z',
			updatedAt: '2026-11-01T05:00:00.000Z',
			orderNumber: '1042',
			outcome: 'refused',
			openProblem: true,
			code: 'unmapped_vat_rate',
			attempts: 1,
			firstTried: '2026-11-01T05:00:00.000Z',
			lastTried: '2026-11-01T05:00:00.000Z',
		};
		const out = await buildRows(
			[stored, {}],
			[
				{
					orderNumber: '1042',
					outcome: 'sent',
					invoicenr: '2026-0007',
					paid: true,
					amountCents: 12100,
					orderDate: '2026-10-30',
				},
				{
					orderNumber: '1043',
					outcome: 'failed',
					refused: true,
					stage: 'fetch',
					code: 'order_total_mismatch',
					reason: 'r',
					hint: 'h',
				},
				{ mode: 'daily' },
			],
		);
		expect(out.map((i) => i.json.orderNumber)).toEqual(['1042', '1043']);
		// every column; the stored row keeps its Data Table id (updated where it is), a new one has none (inserted)
		const columns = BOOKING_RECORD_COLUMNS.map((c) => c.name);
		expect(Object.keys(out[0].json)).toEqual([...columns, 'id']);
		expect(out[0].json.id).toBe(1);
		expect(Object.keys(out[1].json)).toEqual(columns);
		expect(out[0].json).toMatchObject({
			outcome: 'sent',
			openProblem: false,
			firstTried: stored.firstTried,
			attempts: 2,
			amount: '121.00',
			invoiceNumber: '2026-0007',
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toMatchObject({
			outcome: 'refused',
			openProblem: true,
			code: 'order_total_mismatch',
			fix: 'h',
			attempts: 1,
		});
		expect(out[1].json).not.toHaveProperty('rateLimit');
	});

	it('accepts the outcomes as JSON text; anything but a list of objects is a clear error', async () => {
		const out = await buildRows(
			[],
			JSON.stringify([{ orderNumber: '7', outcome: 'skipped', code: 'status_not_invoiceable' }]),
		);
		expect(out[0].json).toMatchObject({ orderNumber: '7', outcome: 'skipped', openProblem: false });
		await expect(buildRows([], '{"orderNumber":"7"}')).rejects.toThrow(
			'Outcomes must be a list of outcome items',
		);
		await expect(buildRows([], [{ orderNumber: '7', outcome: 'booked' }])).rejects.toThrow(
			/not one of/,
		);
	});
});
