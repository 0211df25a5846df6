/**
 * Invoice → Create From Order / Find By Orders against the sandbox: totals equal the order for extax and
 * intax debtors, paid on create, the order number as reference, adoption instead of duplicates (bulk
 * check = one list request; none when the item carries existingInvoice), a lost create response and 5xx
 * never producing a second invoice, Dry Run writing nothing, refusals as error items with hints.
 */
import {
	clearCreatedInvoices,
	clearReferenceCache,
} from '../../../nodes/Factuursturen/transport/client';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { bookingRows, rowForTable } from '../../../core/booking-record/row';
import { parseCents } from '../../../core/money';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { count, items, JAN_JANSEN, makeOrder, runNode, sandbox, type Sandbox } from './harness';
import { makeOrder as makeCoreOrder } from '../../core/invoice/order-factory';
import { Factuursturen } from '../../../nodes/Factuursturen/Factuursturen.node';

const seedClients = [
	JAN_JANSEN,
	{ clientnr: '61', company: 'Intax BV', email: 'inkoop@intax.nl', tax_type: 'intax' },
];

let s: Sandbox;
beforeAll(async () => {
	s = await sandbox({ clients: seedClients });
});
afterAll(() => s.close());
beforeEach(() => {
	// a new run against fresh books: nothing was created earlier in it
	clearCreatedInvoices();
	return s.reset();
});

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'invoice',
	operation: 'createFromOrder',
	...extra,
});
const withDebtor = (
	order: CanonicalOrder,
	clientnr: string,
	taxType: 'extax' | 'intax',
): IDataObject =>
	({
		...order,
		clientnr,
		tax_type: taxType,
		tax_shifted: false,
		debtorAction: 'matched',
	}) as unknown as IDataObject;

const mixed = (number: string, email = 'jan@example.nl') =>
	makeOrder({
		number,
		email,
		lines: [
			{ rate: '21', inclCents: 3333, quantity: 3, description: 'T-shirt' },
			{ rate: '9', inclCents: 1299, quantity: 1, description: 'Boek' },
			{ rate: '21', inclCents: 495, kind: 'shipping', description: 'Verzendkosten' },
			{ rate: '21', inclCents: -500, kind: 'discount', description: 'Korting' },
		],
	});

async function storedInvoice(nr: unknown): Promise<IDataObject> {
	const inv = (await s.state()).invoices.find((x) => x.invoicenr === nr);
	if (!inv) throw new Error(`invoice ${String(nr)} not stored`);
	return inv;
}

describe('Create From Order', () => {
	it.each([
		['extax', '57'],
		['intax', '61'],
	] as const)(
		'books a paid invoice whose totals equal the order (%s debtor)',
		async (taxType, clientnr) => {
			const order = mixed('3001');
			const [out] = await runNode(s, create(), {
				items: items(withDebtor(order, clientnr, taxType)),
			});
			expect(out.json).toMatchObject({ invoiceAction: 'created', orderNumber: '3001', clientnr });
			const inv = await storedInvoice(out.json.invoicenr);
			expect(inv.tax_type).toBe(taxType);
			expect(parseCents(inv.totalintax)).toBe(order.totals.inclCents);
			expect(parseCents(inv.tax)).toBe(order.totals.vatCents);
			expect(inv.open).toBe('0.00');
			expect((inv.reference as IDataObject).line1).toBe('Bestelling 3001');
			const perRate = Object.values(inv.taxes as Record<string, IDataObject>).map((t) => [
				String(t.rate),
				parseCents(t.sum),
			]);
			expect(perRate.sort()).toEqual(order.totals.perRate.map((r) => [r.rate, r.vatCents]).sort());
			// predicted totals in the output agree with what Factuursturen computed
			expect((out.json.payloadSummary as IDataObject).expectedTotalInclCents).toBe(
				order.totals.inclCents,
			);
			expect(out.json.rateLimit).toMatchObject({
				remaining: expect.any(Number),
				suggestedWaitSeconds: expect.any(Number),
			});
		},
	);

	it('an order shipped but not known to be paid is sent open, says so, and reconciles with open = total', async () => {
		const paid = mixed('3010');
		const order = {
			...paid,
			status: { ...paid.status, id: '2', name: 'Verzonden' },
			payment: { ...paid.payment, method: 'invoice', status: 'pending' },
		};
		const [out] = await runNode(s, create(), { items: items(withDebtor(order, '57', 'extax')) });
		expect(out.json).toMatchObject({
			invoiceAction: 'created',
			paidOnInvoice: false,
			bookedWith: { sentPaid: false },
			openReason: expect.stringContaining('sent open'),
		});
		const inv = await storedInvoice(out.json.invoicenr);
		expect(parseCents(inv.open)).toBe(order.totals.inclCents);
		const [reconciled] = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: [{ json: out.json }] },
		);
		const rec = reconciled.json.reconciliation as IDataObject;
		expect(rec.ok).toBe(true);
		expect(
			(rec.differences as IDataObject[]).filter(
				(d) => d.severity === 'error' || d.field === 'open',
			),
		).toEqual([]);
	});

	it('a 0.00 invoice is reported as settled, not as open and "not known to be paid"', async () => {
		const free = makeOrder({
			number: '3011',
			email: 'jan@example.nl',
			lines: [{ rate: '21', inclCents: 0, description: 'Gratis proefpakket' }],
		});
		const order = {
			...free,
			status: { ...free.status, name: 'Verzonden' },
			payment: { ...free.payment, status: 'pending' },
		};
		const [out] = await runNode(s, create(), { items: items(withDebtor(order, '57', 'extax')) });
		expect(out.json).toMatchObject({
			invoiceAction: 'created',
			paidOnInvoice: false,
			settled: true,
		});
		expect(out.json.openReason).toBeUndefined();
		const inv = await storedInvoice(out.json.invoicenr);
		expect(parseCents(inv.open)).toBe(0);
	});

	it('a street too long for one field keeps its house number on the stored debtor and on the invoice; the whole address is in notes', async () => {
		// the harness writes the street with house number 1
		const street = 'Burgemeester van Karnebeek-Hoogerhuis-Stompwijkstraat';
		const order = makeOrder({ number: '3012', email: 'lang-adres@example.nl', street });
		const [debtor] = await runNode(
			s,
			{ resource: 'client', operation: 'getOrCreateByEmail' },
			{ items: items(order as unknown as IDataObject) },
		);
		const client = (await s.state()).clients.find((c) => c.clientnr === debtor.json.clientnr)!;
		expect(String(client.address)).toMatch(/\.\.\. 1$/);
		expect(String(client.address_addon)).not.toBe('');
		expect(String(client.notes)).toContain(`Adres: ${street} 1`);
		const [out] = await runNode(s, create(), { items: [{ json: debtor.json }] });
		const inv = await storedInvoice(out.json.invoicenr);
		expect(String(inv.address)).toMatch(/\.\.\. 1$/);
	});

	describe('status guard', () => {
		const withStatus = (number: string, name: string) => {
			const o = mixed(number);
			return withDebtor({ ...o, status: { ...o.status, name } }, '57', 'extax');
		};
		it('a cancelled or pending order is refused (status_not_invoiceable) and creates nothing', async () => {
			const before = (await s.state()).invoices.length;
			const out = await runNode(s, create(), {
				items: items(
					withStatus('3020', 'Geannuleerd'),
					withStatus('3021', 'In afwachting van betaling'),
				),
				continueOnFail: true,
			});
			expect(out.map((o) => (o.json.details as IDataObject)?.code)).toEqual([
				'status_not_invoiceable',
				'status_not_invoiceable',
			]);
			expect((await s.state()).invoices).toHaveLength(before);
		});
		it('an order invoiced before and cancelled since is adopted (its invoice exists), not refused', async () => {
			const [first] = await runNode(s, create(), { items: items(withStatus('3024', 'Betaald')) });
			const [again] = await runNode(s, create(), {
				items: items(withStatus('3024', 'Geannuleerd')),
			});
			expect([again.json.invoiceAction, again.json.invoicenr]).toEqual([
				'adopted',
				first.json.invoicenr,
			]);
		});

		it('its own list of statuses (case and spacing ignored), and off only when turned off explicitly', async () => {
			const [listed] = await runNode(
				s,
				create({ invoiceableStatuses: 'Betaald,  klaar voor  verzending' }),
				{ items: items(withStatus('3022', 'Klaar voor verzending')) },
			);
			expect(listed.json.invoiceAction).toBe('created');
			const [off] = await runNode(s, create({ statusCheck: false }), {
				items: items(withStatus('3023', 'Geannuleerd')),
			});
			expect(off.json.invoiceAction).toBe('created');
		});
	});

	it('chains Get or Create by Email → Create From Order → Reconcile With Order through the items', async () => {
		const orders = [
			mixed('3002', 'jan@example.nl'),
			mixed('3003', 'INKOOP@intax.nl'),
			mixed('3004', 'nieuw@example.nl'),
		];
		const debtors = await runNode(
			s,
			{ resource: 'client', operation: 'getOrCreateByEmail' },
			{ items: items(...(orders as unknown as IDataObject[])) },
		);
		const invoices = await runNode(s, create(), { items: debtors.map((d) => ({ json: d.json })) });
		expect(invoices.map((o) => [o.json.invoiceAction, o.json.clientnr])).toEqual([
			['created', '57'],
			['created', '61'],
			['created', debtors[2].json.clientnr],
		]);
		const reconciled = await runNode(
			s,
			{ resource: 'invoice', operation: 'reconcile' },
			{ items: invoices.map((d) => ({ json: d.json })) },
		);
		expect(reconciled.map((r) => (r.json.reconciliation as IDataObject).ok)).toEqual([
			true,
			true,
			true,
		]);
	});

	it('adopts an existing invoice for the order instead of creating a second one, with ONE list request for all items', async () => {
		const orders = Array.from({ length: 6 }, (_x, n) =>
			withDebtor(mixed(String(3100 + n)), '57', 'extax'),
		);
		const seeded = await runNode(s, create(), { items: items(orders[0], orders[1]) });
		expect(seeded.map((o) => o.json.invoiceAction)).toEqual(['created', 'created']);
		const log0 = await s.requests();

		const out = await runNode(s, create(), { items: items(...orders) });
		expect(out.map((o) => o.json.invoiceAction)).toEqual([
			'adopted',
			'adopted',
			'created',
			'created',
			'created',
			'created',
		]);
		expect(out[0].json.invoicenr).toBe(seeded[0].json.invoicenr);
		expect(out[1].json.invoicenr).toBe(seeded[1].json.invoicenr);
		const log = (await s.requests()).slice(log0.length);
		expect(count(log, 'GET', /^\/invoices$/)).toBe(1);
		expect(log.find((r) => r.method === 'GET')!.query).toMatchObject({
			since: '2025-05-11',
			start: '0',
			count: '100',
		});
		expect(count(log, 'POST', /^\/invoices$/)).toBe(4);
		expect((await s.state()).invoices).toHaveLength(6);
	});

	it('Find By Orders annotates every item with ONE request; Create From Order then checks with NO request', async () => {
		const orders = [
			withDebtor(mixed('3201'), '57', 'extax'),
			withDebtor(mixed('3202'), '57', 'extax'),
			withDebtor(mixed('3203'), '61', 'intax'),
		];
		await runNode(s, create(), { items: items(orders[1]) });
		const before = (await s.requests()).length;
		const found = await runNode(
			s,
			{ resource: 'invoice', operation: 'findByOrders' },
			{ items: items(...orders) },
		);
		expect(found.map((f) => (f.json.existingInvoice as IDataObject | null)?.reference)).toEqual([
			undefined,
			{ line1: 'Bestelling 3202', line2: expect.any(String), line3: expect.any(String) },
			undefined,
		]);
		expect(found[0].json.existingInvoice).toBeNull();
		const afterFind = await s.requests();
		expect(afterFind.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/invoices',
		]);

		const out = await runNode(s, create(), { items: found.map((f) => ({ json: f.json })) });
		expect(out.map((o) => o.json.invoiceAction)).toEqual(['created', 'adopted', 'created']);
		const log = (await s.requests()).slice(afterFind.length);
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/v1/invoices',
			'POST /api/v1/invoices',
		]);
	});

	it('an order that comes twice in one execution is invoiced once', async () => {
		const order = withDebtor(mixed('3301'), '57', 'extax');
		const out = await runNode(s, create(), { items: items(order, order) });
		expect(out.map((o) => o.json.invoiceAction)).toEqual(['created', 'adopted']);
		expect(out[0].json.invoicenr).toBe(out[1].json.invoicenr);
		expect((await s.state()).invoices).toHaveLength(1);
	});

	it('a create whose response is lost (commit-then-drop) is looked up and counted as created: exactly ONE invoice', async () => {
		await s.faults([{ route: 'POST /api/v1/invoices', kind: 'commit-then-drop', times: 1 }]);
		const [out] = await runNode(s, create(), {
			items: items(withDebtor(mixed('3401'), '57', 'extax')),
		});
		expect(out.json).toMatchObject({
			invoiceAction: 'created',
			recoveredAfterFailure: true,
			orderNumber: '3401',
		});
		const state = await s.state();
		expect(state.invoices).toHaveLength(1);
		expect(out.json.invoicenr).toBe(state.invoices[0].invoicenr);
		const log = await s.requests();
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/invoices',
			'POST /api/v1/invoices',
			'GET /api/v1/search/invoices/all/Bestelling%203401',
		]);

		// and a retried run (as after a crash) adopts it again, creating nothing
		const [again] = await runNode(s, create(), {
			items: items(withDebtor(mixed('3401'), '57', 'extax')),
		});
		expect(again.json).toMatchObject({ invoiceAction: 'adopted', invoicenr: out.json.invoicenr });
		expect((await s.state()).invoices).toHaveLength(1);
	});

	it('a 5xx on create (nothing stored) is looked up, not found, and NOT sent again: outcome unknown, created by the next run', async () => {
		await s.faults([{ route: 'POST /api/v1/invoices', kind: 'error', status: 503, times: 1 }]);
		const [out] = await runNode(s, create(), {
			items: items(withDebtor(mixed('3501'), '57', 'extax')),
			continueOnFail: true,
		});
		expect(out.json.details).toMatchObject({
			code: 'outcome_unknown',
			orderNumber: '3501',
			firstAnswer: 'server_error',
			lookup: 'absent',
		});
		expect(String(out.json.error)).toMatch(
			/^Outcome unknown for the invoice of order 3501.*not sent again/,
		);
		expect(String((out.json.details as IDataObject).hint)).toMatch(/verified next run/);
		expect((await s.state()).invoices).toHaveLength(0);
		const log = await s.requests();
		expect(log.map((r) => `${r.method} ${r.path} ${r.status ?? r.fault}`)).toEqual([
			'GET /api/v1/invoices 200',
			'POST /api/v1/invoices 503',
			'GET /api/v1/search/invoices/all/Bestelling%203501 200',
		]);
		// the next run settles it: nothing there, so it is created once
		const [next] = await runNode(s, create(), {
			items: items(withDebtor(mixed('3501'), '57', 'extax')),
		});
		expect(next.json).toMatchObject({ invoiceAction: 'created', orderNumber: '3501' });
		expect((await s.state()).invoices).toHaveLength(1);
	});

	it('a connection reset on create is never followed by a second create: one POST, one look-up, outcome unknown', async () => {
		await s.faults([{ route: 'POST /api/v1/invoices', kind: 'reset', times: 2 }]);
		const out = await runNode(s, create(), {
			items: items(withDebtor(mixed('3601'), '57', 'extax')),
			continueOnFail: true,
		});
		expect(out[0].json.details).toMatchObject({
			code: 'outcome_unknown',
			orderNumber: '3601',
			firstAnswer: 'no_answer',
		});
		const log = await s.requests();
		expect(count(log, 'POST', /^\/invoices$/)).toBe(1);
		expect(count(log, 'GET', /^\/search\/invoices\//)).toBe(1);
		expect((await s.state()).invoices).toHaveLength(0);
	});

	it('a create that times out while the server is still working waits, then looks it up: ONE invoice, ONE create', async () => {
		// the server answers after 1.5 s; the node gives up after 1 s, waits 1 s more, then looks it up
		await s.faults([{ route: 'POST /api/v1/invoices', kind: 'slow', delayMs: 1500, times: 1 }]);
		const [out] = await runNode(s, create({ requestOptions: { timeoutMs: 1000 } }), {
			items: items(withDebtor(mixed('3551'), '57', 'extax')),
			continueOnFail: true,
		});
		expect(count(await s.requests(), 'POST', /^\/invoices$/)).toBe(1);
		expect((await s.state()).invoices).toHaveLength(1);
		// found (the usual case), or on a machine so loaded that the commit came after the look-up: reported, not re-sent
		if (out.json.invoicenr)
			expect(out.json).toMatchObject({
				invoiceAction: 'created',
				recoveredAfterFailure: true,
				invoicenr: (await s.state()).invoices[0].invoicenr,
			});
		else
			expect(out.json.details).toMatchObject({ code: 'outcome_unknown', firstAnswer: 'timeout' });
	});

	it('Dry Run returns the payload and writes nothing', async () => {
		const [out] = await runNode(s, create({ dryRun: true }), {
			items: items(withDebtor(mixed('3701'), '57', 'extax')),
		});
		expect(out.json.invoiceAction).toBe('dryRun');
		const payload = out.json.payload as IDataObject;
		expect(payload).toMatchObject({
			clientnr: '57',
			action: 'send',
			alreadypaid: 'full',
			alreadypaidmethod: 'iDEAL',
		});
		expect((payload.reference as IDataObject).line1).toBe('Bestelling 3701');
		const log = await s.requests();
		expect(log.every((r) => r.method === 'GET')).toBe(true);
		expect((await s.state()).invoices).toHaveLength(0);
	});

	it('applies the mapping: category per VAT regime, profile, send method, payment label; JSON override wins', async () => {
		const [out] = await runNode(
			s,
			create({
				categories: { values: [{ regime: 'domestic', category: '2' }] },
				paymentMethodLabels: { values: [{ paymentMethod: 'ideal', label: 'iDEAL via Mollie' }] },
				profile: '1',
				mappingJson: '{"referenceLine3": "Webshop"}',
			}),
			{ items: items(withDebtor(mixed('3801'), '57', 'extax')) },
		);
		const inv = await storedInvoice(out.json.invoicenr);
		expect(inv).toMatchObject({ category: '2', profile: '1' });
		expect((inv.reference as IDataObject).line3).toBe('Webshop');
		const post = (await s.requests()).find((r) => r.method === 'POST')!;
		expect(post.body).toMatchObject({
			alreadypaidmethod: 'iDEAL via Mollie',
			sendmethod: 'mail',
			category: '2',
		});
	});

	it('Invoice Options are typed node options for the advanced mapping keys; Mapping (JSON) still wins key by key', async () => {
		const base = mixed('3811');
		const unpaid = {
			...base,
			status: { ...base.status, name: 'Verzonden' },
			payment: { ...base.payment, status: 'pending' },
		} as CanonicalOrder;
		const payload = async (extra: Record<string, unknown>) =>
			(
				await runNode(s, create({ dryRun: true, ...extra }), {
					items: items(withDebtor(unpaid, '57', 'extax')),
				})
			)[0].json.payload as IDataObject;
		const open = await payload({});
		expect(open.alreadypaid).toBeUndefined();
		const options = { paidWhen: 'always', referenceLine3: 'Webshop', priceDecimals: 2 };
		const paid = await payload({ mappingOptions: options });
		expect(paid).toMatchObject({ alreadypaid: 'full' });
		expect((paid.reference as IDataObject).line3).toBe('Webshop');
		// the options go through the mapping's own validation
		await expect(payload({ mappingOptions: { priceDecimals: 9 } })).rejects.toThrow(
			/priceDecimals/,
		);
		const overridden = await payload({
			mappingOptions: options,
			mappingJson: '{"paidWhen": "paid_status_or_payment"}',
		});
		expect(overridden.alreadypaid).toBeUndefined();
		expect((overridden.reference as IDataObject).line3).toBe('Webshop');
		// every option is declared on the node, typed
		const declared = new Factuursturen().description.properties.find(
			(p) => p.name === 'mappingOptions',
		)!;
		expect((declared.options as Array<{ name: string }>).map((o) => o.name).sort()).toEqual([
			'maxRoundingCents',
			'paidWhen',
			'priceDecimals',
			'referenceLine3',
			'splitUnsplitCosts',
			'voucherLines',
			'zeroRatedNote',
		]);
	});

	it('a refusal (unmapped VAT rate) is an error item with code, hint and order number; the rest is booked', async () => {
		const odd = withDebtor(
			makeOrder({ number: '3901', lines: [{ rate: '13', inclCents: 1130 }] }),
			'57',
			'extax',
		);
		const ok = withDebtor(mixed('3902'), '57', 'extax');
		const out = await runNode(s, create(), { items: items(odd, ok), continueOnFail: true });
		expect(out[0].json.details).toMatchObject({ code: 'unmapped_vat_rate', orderNumber: '3901' });
		expect(String((out[0].json.details as IDataObject).hint).length).toBeGreaterThan(10);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toMatchObject({ invoiceAction: 'created', orderNumber: '3902' });
		expect((await s.state()).invoices).toHaveLength(1);
	});

	it('an OSS order for a debtor in another country is refused: Get or Create passes the country on; the country list is fetched once across executions', async () => {
		const oss = (number: string, email: string, countryCode: string, countryName: string) => {
			const o = makeOrder({
				number,
				email,
				regime: 'oss',
				countryCode,
				countryName,
				lines: [{ rate: '19', inclCents: 1190 }],
			});
			return {
				...o,
				vat: { ...o.vat, regime: 'oss' as const, taxCountry: 'DE', destinationCountry: 'DE' },
			} as unknown as IDataObject;
		};
		// invoice address NL (the new debtor lands in NL), goods to DE; and a customer in DE
		const orders = [
			oss('3951', 'nl-adres@example.nl', 'NL', 'Nederland'),
			oss('3952', 'hannah@example.de', 'DE', 'Duitsland'),
		];
		clearReferenceCache();
		const before = (await s.requests()).length;
		const debtors = await runNode(
			s,
			{ resource: 'client', operation: 'getOrCreateByEmail' },
			{ items: items(...orders) },
		);
		expect(debtors.map((d) => d.json.country)).toEqual(['146', '50']);
		// one item per execution, as the template's loop books them
		const out = [];
		for (const d of debtors) {
			// the OSS rate picked from the dropdown of the account's foreign rates
			out.push(
				...(await runNode(s, create({ ossVatRates: { values: [{ rate: 'DE:19' }] } }), {
					items: [{ json: d.json }],
					continueOnFail: true,
				})),
			);
		}
		expect(out[0].json.details).toMatchObject({
			code: 'oss_debtor_country_mismatch',
			orderNumber: '3951',
		});
		expect(out[1].json).toMatchObject({ invoiceAction: 'created', orderNumber: '3952' });
		// the static country list is fetched once for all three executions, not once per order
		expect(
			(await s.requests()).slice(before).filter((r) => r.path.includes('countrylist')),
		).toHaveLength(1);
	});

	describe('credit orders name the original invoice', () => {
		const creditOf = (number: string, credited: string) =>
			withDebtor(
				makeCoreOrder({
					number,
					credit: true,
					creditsOrderNumber: credited,
					email: 'jan@example.nl',
					lines: [{ rate: '21', inclCents: -1210 }],
				}),
				'57',
				'extax',
			);

		it('found in the same execution, or by ONE reference search when not in the bulk list', async () => {
			const [original] = await runNode(s, create(), {
				items: items(withDebtor(mixed('3970'), '57', 'extax')),
			});
			// same execution: the original is created first, the credit names it without any lookup
			const both = await runNode(s, create(), {
				items: items(withDebtor(mixed('3971'), '57', 'extax'), creditOf('3972', '3971')),
			});
			expect(both[1].json).toMatchObject({
				invoiceAction: 'created',
				originalInvoiceNumber: both[0].json.invoicenr,
			});
			const second = await storedInvoice(both[1].json.invoicenr);
			expect((second.reference as IDataObject).line2).toMatch(
				new RegExp(
					`Creditnota op factuur ${String(both[0].json.invoicenr)} \\(bestelling 3971\\)$`,
				),
			);
			// an earlier execution's invoice: the bulk list covers the credit's date, so no search is needed
			const before = (await s.requests()).length;
			const [credit] = await runNode(s, create(), { items: items(creditOf('3973', '3970')) });
			expect(credit.json).toMatchObject({
				invoiceAction: 'created',
				originalInvoiceNumber: original.json.invoicenr,
			});
			expect(
				(await s.requests()).slice(before).filter((r) => r.path.includes('/search/')),
			).toHaveLength(0);
		});

		it('an original created earlier in the run (an earlier loop round: another node execution) is named without a search', async () => {
			const [original] = await runNode(s, create(), {
				items: items(withDebtor(mixed('3980'), '57', 'extax')),
			});
			const before = (await s.requests()).length;
			// as in the template: Find By Orders ran before the loop, when the original had no invoice yet
			const late = { ...creditOf('3981', '3980'), existingInvoice: null, originalInvoice: null };
			const [credit] = await runNode(s, create(), { items: items(late) });
			expect(credit.json).toMatchObject({
				invoiceAction: 'created',
				originalInvoiceNumber: original.json.invoicenr,
			});
			expect((await s.requests()).slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /api/v1/invoices',
			]);
		});

		it("an original in Find By Orders' bulk list is named without a search", async () => {
			const [original] = await runNode(s, create(), {
				items: items(withDebtor(mixed('3982'), '57', 'extax')),
			});
			clearCreatedInvoices(); // a later run
			const [found] = await runNode(
				s,
				{ resource: 'invoice', operation: 'findByOrders' },
				{ items: items(creditOf('3983', '3982')) },
			);
			expect(found.json.originalInvoice).toMatchObject({ invoicenr: original.json.invoicenr });
			const before = (await s.requests()).length;
			const [credit] = await runNode(s, create(), { items: items(found.json) });
			expect(credit.json).toMatchObject({
				invoiceAction: 'created',
				originalInvoiceNumber: original.json.invoicenr,
			});
			expect((await s.requests()).slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /api/v1/invoices',
			]);
		});

		/** the booking-record rows of earlier runs, as the template's Data Table Get reads them back */
		const recordRows = (outcomes: Array<Record<string, unknown>>) =>
			bookingRows([], outcomes, new Date().toISOString()).map((r) => rowForTable(r));
		const findByOrders = (bookedOriginals: unknown[] = []) => ({
			resource: 'invoice',
			operation: 'findByOrders',
			bookedOriginals: JSON.stringify(bookedOriginals),
		});
		const searchesAndPosts = async (before: number) =>
			(await s.requests())
				.slice(before)
				.filter((r) => r.path.includes('/search/') || r.method === 'POST')
				.map((r) => `${r.method} ${r.path}`);

		it('an original the booking record has booked, outside the bulk list, is named without a search', async () => {
			clearCreatedInvoices();
			const [found] = await runNode(
				s,
				findByOrders(
					recordRows([{ orderNumber: '3986', outcome: 'sent', invoicenr: 'F-2025-0412' }]),
				),
				{
					items: items(creditOf('3987', '3986')),
				},
			);
			expect(found.json).toMatchObject({
				originalInvoice: { invoicenr: 'F-2025-0412', source: 'booking record' },
			});
			expect(found.json.originalNotInvoiced).toBeUndefined();
			const before = (await s.requests()).length;
			const [credit] = await runNode(s, create(), { items: items(found.json) });
			expect(credit.json).toMatchObject({
				invoiceAction: 'created',
				originalInvoiceNumber: 'F-2025-0412',
			});
			expect(await searchesAndPosts(before)).toEqual(['POST /api/v1/invoices']);
		});

		it('an original the record has refused, or one in the same batch without an invoice: refused without a search', async () => {
			clearCreatedInvoices();
			const refusedBefore = recordRows([
				{ orderNumber: '3988', outcome: 'failed', refused: true, code: 'unmapped_vat_rate' },
			]);
			const found = await runNode(s, findByOrders(refusedBefore), {
				items: items(creditOf('3989', '3988'), mixed('3992'), creditOf('3993', '3992')),
			});
			expect(found[0].json).toMatchObject({ originalInvoice: null, originalNotInvoiced: true });
			// the original is in the batch: the list covers its date, and it has no invoice (yet)
			expect(found[2].json).toMatchObject({ originalInvoice: null, originalNotInvoiced: true });
			const before = (await s.requests()).length;
			const out = await runNode(s, create(), {
				items: items(found[0].json, found[2].json),
				continueOnFail: true,
			});
			expect(out.map((o) => (o.json.details as IDataObject).code)).toEqual([
				'original_invoice_not_found',
				'original_invoice_not_found',
			]);
			expect(await searchesAndPosts(before)).toEqual([]);
		});

		it('a failed original (its create may have gone through) or none in the record: left to the one search', async () => {
			clearCreatedInvoices();
			const failedBefore = recordRows([
				{ orderNumber: '3994', outcome: 'failed', code: 'create_outcome_unknown' },
			]);
			const found = await runNode(s, findByOrders(failedBefore), {
				items: items(creditOf('3995', '3994'), creditOf('3997', '3996')),
			});
			for (const f of found) {
				expect(f.json.originalInvoice).toBeNull();
				expect(f.json.originalNotInvoiced).toBeUndefined();
			}
		});

		it('Booked Originals that is not a list is a setting to fix', async () => {
			const error = await runNode(
				s,
				{ ...findByOrders(), bookedOriginals: '"every credit"' },
				{ items: items(creditOf('3999', '3998')) },
			).catch((e) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/Booked Originals must be a list/);
		});

		it('an original booked in an earlier run before the bulk list begins is found by one search', async () => {
			const [original] = await runNode(s, create(), {
				items: items(withDebtor(mixed('3984'), '57', 'extax')),
			});
			clearCreatedInvoices(); // a later run
			const before = (await s.requests()).length;
			const late = { ...creditOf('3985', '3984'), existingInvoice: null, originalInvoice: null };
			const [credit] = await runNode(s, create(), { items: items(late) });
			expect(credit.json).toMatchObject({
				invoiceAction: 'created',
				originalInvoiceNumber: original.json.invoicenr,
			});
			expect((await s.requests()).slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /api/v1/search/invoices/all/Bestelling%203984',
				'POST /api/v1/invoices',
			]);
		});

		it('no original invoice: refused with original_invoice_not_found, nothing created', async () => {
			const out = await runNode(s, create(), {
				items: items({ ...creditOf('3991', '3990'), existingInvoice: null }),
				continueOnFail: true,
			});
			expect(out[0].json.details).toMatchObject({
				code: 'original_invoice_not_found',
				orderNumber: '3991',
				creditsOrderNumber: '3990',
			});
			expect(String((out[0].json.details as IDataObject).hint)).toMatch(
				/Book the original order 3990 first/,
			);
			expect((await s.state()).invoices).toHaveLength(0);
		});
	});

	it('without a debtor on the item: a clear error pointing at Get or Create by Email', async () => {
		const error = await runNode(s, create(), {
			items: items(mixed('4001') as unknown as IDataObject),
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/no debtor/);
		expect(error.description).toMatch(/Get or Create by Email/);
		expect(error.context.itemIndex).toBe(0);
	});

	it('an invalid mapping is refused before anything is sent', async () => {
		const out = await runNode(s, create({ mappingJson: '{"vatRates": {"21": "9"}}' }), {
			items: items(withDebtor(mixed('4101'), '57', 'extax')),
			continueOnFail: true,
		});
		expect(out[0].json.error).toMatch(/vatRates/);
		expect((await s.requests()).filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it('reads the order and debtor from nested fields when told where they are', async () => {
		const json = {
			order: mixed('4201'),
			debtor: { clientnr: '61', tax_type: 'intax', tax_shifted: 'false' },
		} as unknown as IDataObject;
		const [out] = await runNode(s, create({ orderProperty: 'order', debtorProperty: 'debtor' }), {
			items: items(json),
		});
		expect(out.json).toMatchObject({
			invoiceAction: 'created',
			clientnr: '61',
			orderNumber: '4201',
		});
		const inv = await storedInvoice(out.json.invoicenr);
		expect(parseCents(inv.totalintax)).toBe(mixed('4201').totals.inclCents);
	});
});

export type { INodeExecutionData };
