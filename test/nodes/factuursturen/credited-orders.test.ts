/**
 * Find By Orders' Credited Orders: a credit order whose original is neither in the batch nor in the booking record
 * gets its original's date from Mijnwebwinkel, and the one invoice list reaches back to that date (a second
 * stretch, `since`…`until`) when that takes fewer requests than a search per credit. Then the credit note names
 * its original, or is refused for the lack of one, without any search; when reaching back would cost more pages
 * than the searches it saves, the list stays as it is and the search remains.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { clearCreatedInvoices } from '../../../nodes/Factuursturen/transport/client';
import { shopToday } from '../../../core/time-zone';
import { addDays } from '../../../sandbox/generator/ids';
import { makeOrder as makeCoreOrder } from '../../core/invoice/order-factory';
import { items, makeOrder, runNode, sandbox, type Sandbox } from './harness';

const DAY_MS = 86_400_000;
const TODAY = shopToday();

let s: Sandbox;
beforeAll(async () => {
	s = await sandbox({
		clients: [
			{ clientnr: '57', contact: 'Jan Jansen', email: 'jan@example.nl', tax_type: 'extax' },
		],
	});
});
afterAll(() => s.close());
beforeEach(() => {
	clearCreatedInvoices();
	return s.reset();
});

const withDebtor = (json: object): IDataObject => ({
	...json,
	clientnr: '57',
	tax_type: 'extax',
	tax_shifted: false,
	debtorAction: 'matched',
});
const sale = (number: string, date: string) =>
	withDebtor(makeOrder({ number, date, email: 'jan@example.nl' }));
const creditOf = (number: string, credited: string) =>
	withDebtor({
		...makeCoreOrder({
			number,
			credit: true,
			creditsOrderNumber: credited,
			email: 'jan@example.nl',
			lines: [{ rate: '21', inclCents: -1210 }],
		}),
		date: TODAY,
	});
const create = { resource: 'invoice', operation: 'createFromOrder' };
const find = (creditedOrders: unknown[]) => ({
	resource: 'invoice',
	operation: 'findByOrders',
	creditedOrders: JSON.stringify(creditedOrders),
});
/** an original as Mijnwebwinkel's order read gives it (raw): number and date among much else */
const mwwOrder = (number: string, date: string) => ({
	number,
	date,
	time: '10:15:00',
	status: 3,
	customer: { email: 'jan@example.nl' },
});
/** books `order` with Factuursturen's clock `daysAgo` days back, so its invoice is dated then */
async function bookedDaysAgo(order: IDataObject, daysAgo: number): Promise<string> {
	await s.api.control({ advanceClockMs: -daysAgo * DAY_MS });
	try {
		const [out] = await runNode(s, create, { items: items(order) });
		return String(out.json.invoicenr);
	} finally {
		await s.api.control({ advanceClockMs: daysAgo * DAY_MS });
	}
}
const since = async (before: number) =>
	(await s.requests())
		.slice(before)
		.filter((r) => r.method === 'GET' && r.path === '/api/v1/invoices')
		.map((r) => [r.query.since, r.query.until ?? null]);
const searches = async (before: number) =>
	(await s.requests()).slice(before).filter((r) => r.path.includes('/search/')).length;

describe('Find By Orders: the list reaches back to credited originals it is told the dates of', () => {
	it('an original booked before the list begins is named from the list: no search', async () => {
		const originalDate = addDays(TODAY, -10);
		const invoicenr = await bookedDaysAgo(sale('5101', originalDate), 10);
		clearCreatedInvoices(); // a later run
		const before = (await s.requests()).length;
		const [found] = await runNode(s, find([mwwOrder('5101', originalDate)]), {
			items: items(creditOf('5102', '5101')),
		});
		expect(found.json.originalInvoice).toMatchObject({ invoicenr });
		// the window from the day before the credit, then the stretch before it back to the original's day before
		expect(await since(before)).toEqual([
			[addDays(TODAY, -1), null],
			[addDays(originalDate, -1), addDays(TODAY, -2)],
		]);
		const [credit] = await runNode(s, create, { items: items(found.json) });
		expect(credit.json).toMatchObject({
			invoiceAction: 'created',
			originalInvoiceNumber: invoicenr,
		});
		expect(await searches(before)).toBe(0);
	});

	it('without the date the same credit costs one search', async () => {
		const originalDate = addDays(TODAY, -10);
		const invoicenr = await bookedDaysAgo(sale('5111', originalDate), 10);
		clearCreatedInvoices();
		const before = (await s.requests()).length;
		const [found] = await runNode(s, find([]), { items: items(creditOf('5112', '5111')) });
		expect(found.json).toMatchObject({ originalInvoice: null });
		expect(found.json.originalNotInvoiced).toBeUndefined();
		expect(await since(before)).toEqual([[addDays(TODAY, -1), null]]);
		const [credit] = await runNode(s, create, { items: items(found.json) });
		expect(credit.json).toMatchObject({ originalInvoiceNumber: invoicenr });
		expect(await searches(before)).toBe(1);
	});

	it('an original the reached list lacks was never invoiced: refused without a search', async () => {
		const before = (await s.requests()).length;
		const [found] = await runNode(s, find([mwwOrder('5121', addDays(TODAY, -6))]), {
			items: items(creditOf('5122', '5121')),
		});
		expect(found.json).toMatchObject({ originalInvoice: null, originalNotInvoiced: true });
		const out = await runNode(s, create, { items: items(found.json), continueOnFail: true });
		expect((out[0].json.details as IDataObject).code).toBe('original_invoice_not_found');
		expect(await searches(before)).toBe(0);
		expect((await s.state()).invoices).toHaveLength(0);
	});

	it('reaching back costs more pages than the one search it saves: the list stays, the search remains', async () => {
		// a busy window: 3 invoices sent yesterday, so a year back would be over a thousand
		for (const nr of ['5131', '5132', '5133']) await bookedDaysAgo(sale(nr, addDays(TODAY, -1)), 1);
		clearCreatedInvoices();
		const before = (await s.requests()).length;
		const [found] = await runNode(s, find([mwwOrder('5130', addDays(TODAY, -400))]), {
			items: items(creditOf('5134', '5130')),
		});
		expect(found.json.originalNotInvoiced).toBeUndefined();
		expect(await since(before)).toEqual([[addDays(TODAY, -1), null]]);
	});

	it('invoices sent today do not make the earlier days look busy (a migration sends all of its own today)', async () => {
		await runNode(s, create, {
			items: items(sale('5135', TODAY), sale('5136', TODAY), sale('5137', TODAY)),
		});
		clearCreatedInvoices();
		const before = (await s.requests()).length;
		const originalDate = addDays(TODAY, -400);
		const [found] = await runNode(s, find([mwwOrder('5138', originalDate)]), {
			items: items(creditOf('5139', '5138')),
		});
		expect(await since(before)).toEqual([
			[addDays(TODAY, -1), null],
			[addDays(originalDate, -1), addDays(TODAY, -2)],
		]);
		expect(found.json).toMatchObject({ originalInvoice: null, originalNotInvoiced: true });
	});

	it('an entry without a date is a setting to fix, said as such', async () => {
		const error = await runNode(s, find([{ number: '5140' }]), {
			items: items(creditOf('5141', '5140')),
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Credited Orders has an entry without an order number and date/);
	});
});
