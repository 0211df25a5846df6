/**
 * Switching over: invoices another connector made for orders carry the order number in a line description
 * (not "Bestelling <number>" in reference line 1). With the rule set, Find By Orders and Create From Order adopt
 * them; without it the order would be booked a second time.
 */
import type { IDataObject } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { items, JAN_JANSEN, makeOrder, runNode, sandbox, type Sandbox } from './harness';

let s: Sandbox;
/** as the previous connector booked them: order number in the first line's description */
const foreign = (number: string, sent: string) => ({
	clientnr: '57',
	sent,
	reference: { line1: 'Webwinkel', line2: '', line3: '' },
	lines: [
		{ amount: 1, description: `Bestelnummer: ${number} - T-shirt`, tax_rate: 21, price: '24.79' },
	],
});
beforeAll(async () => {
	s = await sandbox({
		clients: [JAN_JANSEN],
		invoices: [foreign('4101', '2025-05-12'), foreign('4102', '2025-05-12')],
	});
});
afterAll(() => s.close());

const order = (number: string): IDataObject =>
	({
		...makeOrder({ number, date: '2025-05-12' }),
		clientnr: '57',
		tax_type: 'extax',
		tax_shifted: false,
		debtorAction: 'matched',
	}) as unknown as IDataObject & CanonicalOrder;
const rule = { invoicesMadeElsewhere: { where: 'lines', pattern: 'Bestelnummer:?\\s*(\\d+)' } };

describe('Invoices Made Elsewhere', () => {
	it('Find By Orders marks orders the other connector booked; Create From Order adopts them and books only the rest', async () => {
		const found = await runNode(
			s,
			{ resource: 'invoice', operation: 'findByOrders', ...rule },
			{ items: items(order('4101'), order('4102'), order('4103')) },
		);
		expect(
			found.map((f) => (f.json.existingInvoice as IDataObject | null)?.invoicenr ?? null),
		).toEqual([expect.any(String), expect.any(String), null]);
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'createFromOrder', ...rule },
			{ items: found.map((f) => ({ json: f.json })) },
		);
		expect(out.map((o) => o.json.invoiceAction)).toEqual(['adopted', 'adopted', 'created']);
		expect((await s.state()).invoices).toHaveLength(3);
	});

	it('Create From Order alone (its own list) adopts them too; without the rule it would not see them', async () => {
		const adopt = await runNode(
			s,
			{
				resource: 'invoice',
				operation: 'createFromOrder',
				invoicesMadeElsewhere: { ...rule.invoicesMadeElsewhere, where: 'lines' },
			},
			{ items: items(order('4102')) },
		);
		expect(adopt[0].json.invoiceAction).toBe('adopted');
		const blind = await runNode(
			s,
			{ resource: 'invoice', operation: 'findByOrders' },
			{ items: items(order('4101')) },
		);
		expect(blind[0].json.existingInvoice).toBeNull();
	});

	it('a pattern without one capture group fails the node with what to write', async () => {
		const run = runNode(
			s,
			{
				resource: 'invoice',
				operation: 'findByOrders',
				invoicesMadeElsewhere: { where: 'lines', pattern: 'Bestelnummer \\d+' },
			},
			{ items: items(order('4101')) },
		);
		await expect(run).rejects.toThrow('0 capture groups');
		await expect(run).rejects.toMatchObject({
			description: expect.stringContaining('Put the order number in ( )'),
		});
	});
});
