/**
 * Invoice → Reconcile With Order: invoices read back in bulk (ONE list request for many items, a direct
 * read for one), compared with their orders; mismatches as error items with hints, or kept on main.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { shopToday } from '../../../core/time-zone';
import { addDays } from '../../../sandbox/generator/ids';
import { items, JAN_JANSEN, makeOrder, runNode, type Sandbox, sandboxForTests } from './harness';

let s: Sandbox;
sandboxForTests({ clients: [JAN_JANSEN] }, (started) => (s = started));

const order = (n: number): CanonicalOrder =>
	makeOrder({
		number: String(n),
		email: 'jan@example.nl',
		lines: [
			{ rate: '21', inclCents: 1000 + n },
			{ rate: '9', inclCents: 550 },
		],
	});

const withDebtor = (o: CanonicalOrder): IDataObject =>
	({ ...o, clientnr: '57', tax_type: 'extax', tax_shifted: false }) as unknown as IDataObject;

async function booked(orders: CanonicalOrder[]): Promise<IDataObject[]> {
	return (
		await runNode(
			s,
			{ resource: 'invoice', operation: 'createFromOrder' },
			{ items: items(...orders.map(withDebtor)) },
		)
	).map((o) => o.json);
}

describe('Reconcile With Order', () => {
	it('reads many invoices back with ONE list request and reports them ok', async () => {
		const created = await booked([order(1), order(2), order(3), order(4), order(5)]);
		const before = (await s.requests()).length;
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: items(...created) },
		);
		expect(out.map((o) => (o.json.reconciliation as IDataObject).ok)).toEqual([
			true,
			true,
			true,
			true,
			true,
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		const log = (await s.requests()).slice(before);
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/invoices']);
		expect(log[0].query).toMatchObject({
			start: '0',
			count: '100',
			since: addDays(shopToday(), -1),
		});
	});

	it('reads a single invoice directly', async () => {
		const created = await booked([order(6)]);
		const before = (await s.requests()).length;
		const [out] = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: items(created[0]) },
		);
		expect((out.json.reconciliation as IDataObject).ok).toBe(true);
		const log = (await s.requests()).slice(before);
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/v1/invoices/${String(created[0].invoicenr)}`,
		]);
	});

	it('falls back to a direct read for invoices the list does not hold', async () => {
		// Factuursturen's clock three days behind: invoices sent now are dated before the list's first day
		await s.api.control({ advanceClockMs: -3 * 86_400_000 });
		const created = await booked([order(7), order(8)]);
		await s.api.control({ advanceClockMs: 3 * 86_400_000 });
		const before = (await s.requests()).length;
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: items(...created) },
		);
		expect(out.map((o) => (o.json.reconciliation as IDataObject).ok)).toEqual([true, true]);
		const log = (await s.requests()).slice(before);
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/invoices',
			`GET /api/v1/invoices/${String(created[0].invoicenr)}`,
			`GET /api/v1/invoices/${String(created[1].invoicenr)}`,
		]);
		expect(log[0].query.since).toBe(addDays(shopToday(), -1));
	});

	it('reads the list from the day before today for invoices sent in this execution, not from the order date', async () => {
		const created = await booked([order(9), order(10)]);
		expect(created.map((c) => c.invoiceAction)).toEqual(['created', 'created']);
		const before = (await s.requests()).length;
		await runNode(s, { resource: 'invoice', operation: 'reconcile' }, { items: items(...created) });
		const log = (await s.requests()).slice(before);
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/invoices']);
		expect(log[0].query.since).toBe(addDays(shopToday(), -1));
	});

	it('reads the list from the day before an adopted invoice was sent, and from the order date when nothing says', async () => {
		const created = await booked([order(11), order(12)]);
		const adopted = {
			...created[0],
			invoiceAction: 'adopted',
			existingInvoice: { sent: '2025-06-03' },
		};
		const unknown = { ...created[1], invoiceAction: undefined };
		for (const [input, since] of [
			[[adopted, created[1]], '2025-06-02'],
			[[unknown, created[0]], '2025-05-11'],
		] as const) {
			const before = (await s.requests()).length;
			await runNode(s, { resource: 'invoice', operation: 'reconcile' }, { items: items(...input) });
			const log = (await s.requests()).slice(before);
			expect(log[0].query.since).toBe(since);
		}
	});

	it('compares an adopted invoice as the duplicate check listed it, without reading it again', async () => {
		const created = await booked([order(13), order(14)]);
		// changed in Factuursturen after it was sent: the duplicate check's list sees the change
		await s.api.control({
			mutateInvoice: { invoicenr: created[1].invoicenr, patch: { totalintax: '99.99' } },
		});
		const adopted = await booked([order(13), order(14)]);
		expect(adopted.map((a) => a.invoiceAction)).toEqual(['adopted', 'adopted']);
		const before = (await s.requests()).length;
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: items(...adopted), continueOnFail: true },
		);
		expect(await s.requests()).toHaveLength(before);
		expect((out[0].json.reconciliation as IDataObject).ok).toBe(true);
		expect(out[1].json.details).toMatchObject({ code: 'reconciliation_mismatch' });
	});

	it('a changed invoice becomes an error item with the differences and hints', async () => {
		const created = await booked([order(9), order(10)]);
		await s.api.control({
			mutateInvoice: {
				invoicenr: created[1].invoicenr,
				patch: { totalintax: '99.99', open: '12.00' },
			},
		});
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: items(...created), continueOnFail: true },
		);
		expect((out[0].json.reconciliation as IDataObject).ok).toBe(true);
		expect(out[1].json.details).toMatchObject({
			code: 'reconciliation_mismatch',
			orderNumber: '10',
		});
		expect(String(out[1].json.error)).toMatch(/does not match order 10/);
		const details = out[1].json.details as IDataObject;
		const diffs = (details.reconciliation as IDataObject).differences as IDataObject[];
		expect(diffs.map((d) => d.field)).toEqual(expect.arrayContaining(['totalintax', 'open']));
		expect(String((out[1].json.details as IDataObject).hint).length).toBeGreaterThan(10);
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});

	it('keeps mismatches on the main output when asked, and throws without continueOnFail otherwise', async () => {
		const created = await booked([order(11)]);
		await s.api.control({
			mutateInvoice: { invoicenr: created[0].invoicenr, patch: { totalintax: '1.00' } },
		});
		const [kept] = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile', mismatchOutput: 'main' },
			{ items: items(created[0]) },
		);
		expect((kept.json.reconciliation as IDataObject).ok).toBe(false);
		const error = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: items(created[0]) },
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(0);
	});

	it('within the tolerance a cent difference is accepted', async () => {
		const created = await booked([order(12)]);
		const stored = (await s.state()).invoices[0];
		const plusOne = (Number(String(stored.totalintax).replace('.', '')) + 1)
			.toString()
			.padStart(3, '0');
		await s.api.control({
			mutateInvoice: {
				invoicenr: created[0].invoicenr,
				patch: { totalintax: `${plusOne.slice(0, -2)}.${plusOne.slice(-2)}` },
			},
		});
		const [ok] = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile', toleranceCents: 2 },
			{ items: items(created[0]) },
		);
		expect((ok.json.reconciliation as IDataObject).ok).toBe(true);
		const [strict] = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile', toleranceCents: 0, mismatchOutput: 'main' },
			{ items: items(created[0]) },
		);
		expect((strict.json.reconciliation as IDataObject).ok).toBe(false);
	});
});
