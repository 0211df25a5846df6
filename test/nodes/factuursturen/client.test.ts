/**
 * Client operations against the Factuursturen sandbox, above all Get or Create by Email: exact,
 * case-insensitive matching on a text search, creation when absent, never a PUT on an existing debtor,
 * one debtor for an e-mail seen twice, one bulk request for many items.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	count,
	items,
	JAN_JANSEN,
	makeOrder,
	runNode,
	type Sandbox,
	sandboxForTests,
} from './harness';
import { Factuursturen } from '../../../nodes/Factuursturen/Factuursturen.node';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { makeOrder as makeCoreOrder } from '../../core/invoice/order-factory';

const seedClients = [
	JAN_JANSEN,
	// a text search for jan@example.nl also finds this one: it must not be taken for Jan
	{ clientnr: '60', contact: 'Marjan Jansen', email: 'marjan@example.nl' },
	{ clientnr: '61', company: 'Intax BV', email: 'Inkoop@Intax.NL', tax_type: 'intax' },
	{
		clientnr: '62',
		company: 'Verlegd GmbH',
		email: 'buchhaltung@verlegd.de',
		tax_shifted: true,
		taxnumber: 'DE123456789',
		country: '50',
	},
	{ clientnr: '70', company: 'Kassa', contact: 'Kassaverkoop', email: '' },
	{ clientnr: '71', contact: 'Plus Adres', email: 'jan+shop@example.nl' },
];

let s: Sandbox;
sandboxForTests({ clients: seedClients }, (started) => (s = started));

const getOrCreate = (extra: Record<string, unknown> = {}) => ({
	resource: 'client',
	operation: 'getOrCreateByEmail',
	debtorSource: 'order',
	...extra,
});

/** Get or Create by Email over these orders, one search request per distinct e-mail. */
const searchPerEmail = async (orders: IDataObject[], o: { continueOnFail?: boolean } = {}) =>
	await runNode(s, getOrCreate({ lookupStrategy: 'search' }), { items: items(...orders), ...o });

describe('Client → Get or Create by Email', () => {
	it('matches an existing debtor exactly (not the substring hit), without modifying it', async () => {
		const before = (await s.state()).clients;
		const out = await searchPerEmail([makeOrder({ number: '1001', email: 'jan@example.nl' })]);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			debtorAction: 'matched',
			clientnr: '57',
			tax_type: 'extax',
			tax_shifted: false,
			number: '1001',
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });
		const log = await s.requests();
		expect(log.map((r) => r.method)).toEqual(['GET']);
		expect(log[0].path).toBe('/api/v1/search/clients/email/jan%40example.nl');
		expect((await s.state()).clients).toEqual(before);
	});

	it('matches differently cased and padded e-mails, and reports intax / tax_shifted debtors as they are', async () => {
		const orders = [
			makeOrder({ number: '1002', email: '  INKOOP@intax.nl ' }),
			makeOrder({ number: '1003', email: 'Buchhaltung@Verlegd.DE' }),
		];
		const out = await searchPerEmail(orders);
		expect(
			out.map((o) => [o.json.debtorAction, o.json.clientnr, o.json.tax_type, o.json.tax_shifted]),
		).toEqual([
			['matched', '61', 'intax', false],
			['matched', '62', 'extax', true],
		]);
		expect(out[1].json.taxnumber).toBe('DE123456789');
		// the debtor's Factuursturen country id, for Create From Order's OSS check
		expect(out[1].json.country).toBe('50');
		const log = await s.requests();
		expect(log.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('creates a missing debtor from the order (core buildDebtor) and says so', async () => {
		const order = makeOrder({
			number: '1004',
			email: 'Nieuw.Klant@Example.com',
			name: 'Nieuwe Klant',
			city: 'Utrecht',
		});
		const out = await searchPerEmail([order]);
		expect(out[0].json).toMatchObject({
			debtorAction: 'created',
			tax_type: 'intax',
			tax_shifted: false,
			debtorEmail: 'nieuw.klant@example.com',
			country: '146',
		});
		const created = (await s.state()).clients.find((c) => c.clientnr === out[0].json.clientnr)!;
		expect(created).toMatchObject({
			email: 'nieuw.klant@example.com',
			contact: 'Nieuwe Klant',
			city: 'Utrecht',
			country: '146',
			tax_type: 'intax',
		});
		const log = await s.requests();
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/search/clients/email/nieuw.klant%40example.com',
			'GET /api/v1/countrylist/nl',
			'POST /api/v1/clients',
		]);
	});

	describe('an order Create From Order would refuse leaves nothing behind: checked before any lookup or create', () => {
		// the parameters of the Create From Order node, as {{ $('Create invoice').params }} gives them
		const invoiceSettings = {
			resource: 'invoice',
			operation: 'createFromOrder',
			vatRates: { values: [{ shopRate: '21', fsRate: '21' }] },
			sendMethod: 'email',
		};
		const refused: Array<[string, (o: CanonicalOrder) => CanonicalOrder, Record<string, unknown>]> =
			[
				['unsupported_currency', (o) => ({ ...o, currency: 'USD' }), {}],
				[
					'unmapped_vat_rate',
					(o) => o,
					{
						vatRates: { values: [{ shopRate: '9', fsRate: '9' }] },
						mappingJson: '{"vatRates": {"9": "9", "0": "0"}}',
					},
				],
				[
					'unmapped_oss_rate',
					(o) => ({
						...o,
						vat: { ...o.vat, regime: 'oss', taxCountry: 'DE', destinationCountry: 'DE' },
					}),
					{},
				],
				[
					'voucher_line',
					(o) => ({
						...o,
						lines: [
							...o.lines,
							{
								...o.lines[0],
								description: 'Cadeaubon',
								vatRate: '0',
								lineInclCents: 0,
								lineExclMicros: 0,
								unitExclMicros: 0,
							},
						],
						totals: {
							...o.totals,
							perRate: [...o.totals.perRate, { rate: '0', vatCents: 0, inclCents: 0 }],
						},
					}),
					{},
				],
				[
					'special_vat_territory',
					(o) => ({
						...o,
						vat: { ...o.vat, destinationCountry: 'ES' },
						customer: {
							...o.customer,
							deliveryAddress: {
								...o.customer.invoiceAddress,
								countryCode: 'ES',
								zipcode: '35001',
							},
						},
					}),
					{},
				],
				[
					'status_not_invoiceable',
					(o) => ({ ...o, status: { ...o.status, name: 'Geannuleerd' } }),
					{},
				],
			];
		it.each(refused)(
			'%s: refused with its code, no debtor created, no request at all',
			async (code, change, settings) => {
				const order = change(
					makeOrder({ number: '1090', email: 'geweigerd@example.nl' }) as CanonicalOrder,
				);
				const before = (await s.requests()).length;
				const out = await runNode(
					s,
					getOrCreate({ invoiceSettings: { ...invoiceSettings, ...settings } }),
					{ items: items(order as unknown as IDataObject), continueOnFail: true },
				);
				expect(out[0].json.details).toMatchObject({ code, orderNumber: '1090' });
				expect((await s.requests()).slice(before)).toEqual([]);
				expect((await s.state()).clients.some((c) => c.email === 'geweigerd@example.nl')).toBe(
					false,
				);
			},
		);

		it('a new debtor is created only when the invoice can be built on it: an OSS sale to DE with an NL invoice address is refused first', async () => {
			const base = makeOrder({
				number: '1093',
				email: 'oss-nl@example.nl',
				lines: [{ rate: '19', inclCents: 1190 }],
			}) as CanonicalOrder;
			const order: CanonicalOrder = {
				...base,
				vat: { ...base.vat, regime: 'oss', taxCountry: 'DE', destinationCountry: 'DE' },
			};
			const settings = {
				...invoiceSettings,
				ossVatRates: { values: [{ country: 'DE', shopRate: '19', fsRate: '19' }] },
			};
			const out = await runNode(s, getOrCreate({ invoiceSettings: settings }), {
				items: items(order as unknown as IDataObject),
				continueOnFail: true,
			});
			expect(out[0].json.details).toMatchObject({
				code: 'oss_debtor_country_mismatch',
				orderNumber: '1093',
			});
			expect((await s.state()).clients.some((c) => c.email === 'oss-nl@example.nl')).toBe(false);
		});

		it('a credit order of a customer without a debtor: refused when its original invoice is not in Factuursturen (one search), created when it is or when its order is in the same run', async () => {
			const credit = (number: string, email: string, credits: string) =>
				makeCoreOrder({
					number,
					email,
					credit: true,
					creditsOrderNumber: credits,
					lines: [{ rate: '21', inclCents: -1210 }],
				}) as unknown as IDataObject;
			const before = (await s.requests()).length;
			const refused = await runNode(s, getOrCreate({ invoiceSettings }), {
				items: items(credit('1094', 'retour@example.nl', '1080')),
				continueOnFail: true,
			});
			expect(refused[0].json.details).toMatchObject({
				code: 'original_invoice_not_found',
				orderNumber: '1094',
			});
			expect(
				(await s.requests())
					.slice(before)
					.filter((r) => r.path.startsWith('/api/v1/search/invoices/')),
			).toHaveLength(1);
			expect((await s.state()).clients.some((c) => c.email === 'retour@example.nl')).toBe(false);

			const original = makeOrder({ number: '1095', email: 'retour2@example.nl' });
			const both = await runNode(s, getOrCreate({ invoiceSettings }), {
				items: items(credit('1096', 'retour2@example.nl', '1095'), original),
			});
			expect(both.map((o) => o.json.debtorAction)).toEqual(['created', 'matched']);

			// the original is in the run but will be refused itself (a cancelled order): the credit cannot be booked either
			const cancelled = {
				...makeOrder({ number: '1097', email: 'retour3@example.nl' }),
				status: { id: '9', name: 'Geannuleerd', isCredit: false, changedAt: null },
			};
			const neither = await runNode(s, getOrCreate({ invoiceSettings }), {
				items: items(credit('1098', 'retour3@example.nl', '1097'), cancelled),
				continueOnFail: true,
			});
			expect(neither.map((o) => (o.json.details as IDataObject).code)).toEqual([
				'original_invoice_not_found',
				'status_not_invoiceable',
			]);
			expect((await s.state()).clients.some((c) => c.email === 'retour3@example.nl')).toBe(false);
		});

		it('a credit order Find By Orders answered for: its original as found (or certainly none), no search', async () => {
			const credit = (number: string, email: string, found: IDataObject) =>
				({
					...makeCoreOrder({
						number,
						email,
						credit: true,
						creditsOrderNumber: '1070',
						lines: [{ rate: '21', inclCents: -1210 }],
					}),
					...found,
				}) as unknown as IDataObject;
			const before = (await s.requests()).length;
			const out = await runNode(s, getOrCreate({ invoiceSettings }), {
				items: items(
					credit('1071', 'retour4@example.nl', {
						originalInvoice: { invoicenr: 'F-2026-0070' },
					}),
					credit('1072', 'retour5@example.nl', {
						originalInvoice: null,
						originalNotInvoiced: true,
					}),
				),
				continueOnFail: true,
			});
			expect(out[0].json.debtorAction).toBe('created');
			expect(out[1].json.details).toMatchObject({
				code: 'original_invoice_not_found',
				orderNumber: '1072',
			});
			expect(
				(await s.requests())
					.slice(before)
					.filter((r) => r.path.startsWith('/api/v1/search/invoices/')),
			).toHaveLength(0);
			expect((await s.state()).clients.some((c) => c.email === 'retour5@example.nl')).toBe(false);
		});

		it("settings taken with $('…').params while that node uses expressions are reported, not misread", async () => {
			const out = await runNode(
				s,
				getOrCreate({
					invoiceSettings: { mappingJson: "={{ $('Run settings').first().json.vatRates }}" },
				}),
				{ items: items(makeOrder({ number: '1099' })), continueOnFail: true },
			);
			expect(String(out[0].json.error)).toMatch(/unevaluated expressions \(mappingJson\)/);
		});

		it("the invoice node's Send Method applies to a new debtor; the tax types are this node's", async () => {
			const consumer = makeOrder({ number: '1091', email: 'consument@example.nl' });
			const business = makeOrder({
				number: '1092',
				email: 'zakelijk@example.nl',
				company: 'Zaak BV',
			});
			const out = await runNode(
				s,
				getOrCreate({ invoiceSettings, newConsumerTaxType: 'intax', newBusinessTaxType: 'extax' }),
				{ items: items(consumer, business) },
			);
			const clients = (await s.state()).clients;
			const stored = (nr: unknown) => clients.find((c) => c.clientnr === nr)!;
			expect(stored(out[0].json.clientnr)).toMatchObject({
				sendmethod: 'email',
				tax_type: 'intax',
			});
			expect(stored(out[1].json.clientnr)).toMatchObject({
				sendmethod: 'email',
				tax_type: 'extax',
			});
		});
	});

	it('treats a 404 from the search as "none" and creates', async () => {
		await s.api.control({ searchNoMatch: '404' });
		const out = await searchPerEmail([makeOrder({ number: '1005', email: 'nobody@example.org' })]);
		expect(out[0].json.debtorAction).toBe('created');
	});

	it('creates ONE debtor for an e-mail that appears twice in one execution', async () => {
		const orders = [
			makeOrder({ number: '1006', email: 'twice@example.nl' }),
			makeOrder({ number: '1007', email: 'TWICE@example.nl' }),
		];
		const out = await searchPerEmail(orders);
		expect(out.map((o) => o.json.debtorAction)).toEqual(['created', 'matched']);
		expect(out[0].json.clientnr).toBe(out[1].json.clientnr);
		expect(out[1].json.createdInThisRun).toBe(true);
		const state = await s.state();
		expect(state.clients.filter((c) => String(c.email) === 'twice@example.nl')).toHaveLength(1);
		expect(count(await s.requests(), 'POST', /^\/clients$/)).toBe(1);
	});

	it('Auto fetches all clients ONCE for many items and matches locally; never a PUT', async () => {
		const emails = [
			'jan@example.nl',
			'inkoop@intax.nl',
			'new1@example.nl',
			'new2@example.nl',
			'JAN@example.nl',
			'new1@example.nl',
		];
		const orders = emails.map((email, n) => makeOrder({ number: String(2000 + n), email }));
		const out = await runNode(s, getOrCreate(), { items: items(...orders) });
		expect(out.map((o) => o.json.debtorAction)).toEqual([
			'matched',
			'matched',
			'created',
			'created',
			'matched',
			'matched',
		]);
		expect(out[0].json.clientnr).toBe('57');
		expect(out[4].json.clientnr).toBe('57');
		expect(out[5].json.clientnr).toBe(out[2].json.clientnr);
		const log = await s.requests();
		expect(count(log, 'GET', /^\/clients$/)).toBe(1);
		expect(count(log, 'GET', /^\/search\//)).toBe(0);
		expect(count(log, 'POST', /^\/clients$/)).toBe(2);
		expect(log.some((r) => r.method === 'PUT')).toBe(false);
		expect(out.map((o) => o.pairedItem)).toEqual(orders.map((_o, i) => ({ item: i })));
	});

	it('books a mapped payment method on the fixed debtor without an e-mail lookup', async () => {
		const order = makeOrder({ number: '1010', email: 'walkin@example.nl', paymentMethod: 'Cash' });
		const out = await runNode(
			s,
			getOrCreate({
				paymentMethodDebtors: { values: [{ paymentMethod: 'cash', clientnr: '70' }] },
			}),
			{ items: items(order) },
		);
		expect(out[0].json).toMatchObject({ debtorAction: 'fixed', clientnr: '70', tax_type: 'extax' });
		const log = await s.requests();
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/clients/70']);
	});

	it('takes the fixed debtors from Mapping (JSON), the same mapping Create From Order takes', async () => {
		const order = makeOrder({ number: '1011', email: 'walkin@example.nl', paymentMethod: 'Cash' });
		const mappingJson = {
			vatRates: { '21': '21' },
			paidWhen: 'always',
			paymentMethodDebtors: { CASH: '70' },
		};
		const out = await runNode(s, getOrCreate({ mappingJson }), { items: items(order) });
		expect(out[0].json).toMatchObject({ debtorAction: 'fixed', clientnr: '70' });
		expect((await s.requests()).map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/clients/70',
		]);
		// and the parameter is one the editor shows for this operation (n8n drops parameters a node does not declare)
		const declared = new Factuursturen().description.properties.filter(
			(p) => p.name === 'mappingJson',
		);
		expect(
			declared.some(
				(p) =>
					p.displayOptions?.show?.resource?.includes('client') &&
					p.displayOptions.show.operation?.includes('getOrCreateByEmail'),
			),
		).toBe(true);
	});

	it('creates from fields, fitting over-long values by the documented rule instead of sending them to fail', async () => {
		const out = await runNode(s, {
			resource: 'client',
			operation: 'getOrCreateByEmail',
			debtorSource: 'fields',
			email: ' Lang@Example.NL ',
			additionalFields: {
				contact: 'Johannes Theodorus Maria van der Berg-Hoogendoorn de Jongh',
				phone: '+31 (0)20 123 45 67 89',
				zipcode: 'SW1A 1AA-XYZ',
				city: 'London',
			},
		});
		expect(out[0].json).toMatchObject({ debtorAction: 'created', debtorEmail: 'lang@example.nl' });
		const created = (await s.state()).clients.find((c) => c.clientnr === out[0].json.clientnr)!;
		expect(String(created.contact).length).toBeLessThanOrEqual(50);
		expect(String(created.contact)).toMatch(/\.\.\.$/);
		expect(String(created.zipcode).length).toBeLessThanOrEqual(7);
		expect(String(created.notes)).toContain(
			'Johannes Theodorus Maria van der Berg-Hoogendoorn de Jongh',
		);
		expect((out[0].json.shortenedFields as IDataObject[]).map((f) => f.field)).toEqual(
			expect.arrayContaining(['contact', 'phone', 'zipcode']),
		);
	});

	it('a 10 kB name, long notes and other over-long fields are capped, never sent to fail (http 400)', async () => {
		const out = await runNode(s, {
			resource: 'client',
			operation: 'getOrCreateByEmail',
			debtorSource: 'fields',
			email: 'tienkilo@example.nl',
			additionalFields: {
				contact: 'Naam '.repeat(2000).trim(),
				notes: 'Aantekening '.repeat(1000).trim(),
				mailintro: 'Geachte '.repeat(40).trim(),
				bankcode: 'NL91ABNA0417164300'.repeat(3),
			},
		});
		expect(out[0].json).toMatchObject({ debtorAction: 'created' });
		const created = (await s.state()).clients.find((c) => c.clientnr === out[0].json.clientnr)!;
		expect(Buffer.byteLength(String(created.notes))).toBeLessThanOrEqual(10_000);
		expect(String(created.notes)).toMatch(/^Aantekening /);
		expect(String(created.notes)).toContain('Naam: Naam Naam');
		expect(String(created.mailintro).length).toBeLessThanOrEqual(128);
		expect(created.bankcode).toBe('');
	});

	it('an order without e-mail becomes an error item (continueOnFail) with a hint; the others go on', async () => {
		const bad = makeOrder({ number: '1011', email: '' });
		const good = makeOrder({ number: '1012', email: 'jan@example.nl' });
		const out = await searchPerEmail([bad, good], { continueOnFail: true });
		expect(out[0].json.details).toMatchObject({ code: 'missing_email', orderNumber: '1011' });
		expect(String((out[0].json.details as IDataObject).hint)).toMatch(/e-mail/);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toMatchObject({ debtorAction: 'matched', clientnr: '57' });
	});

	it('URL-encodes e-mails with + in the search and still matches exactly', async () => {
		const out = await searchPerEmail([makeOrder({ number: '1013', email: 'Jan+Shop@example.nl' })]);
		expect(out[0].json).toMatchObject({ debtorAction: 'matched', clientnr: '71' });
		expect((await s.requests())[0].path).toBe(
			'/api/v1/search/clients/email/jan%2Bshop%40example.nl',
		);
	});

	it('a debtor the core refuses to build (unknown country) is an error item with its code; nothing is created', async () => {
		const order = makeOrder({
			number: '1014',
			email: 'far@example.org',
			countryCode: 'XK',
			countryName: 'Nergensland',
		});
		const out = await searchPerEmail([order], { continueOnFail: true });
		expect(out[0].json.details).toMatchObject({ code: 'unknown_country', orderNumber: '1014' });
		expect(String((out[0].json.details as IDataObject).hint)).toMatch(/country/);
		expect((out[0].json.details as IDataObject).rateLimit).toMatchObject({
			remaining: expect.any(Number),
		});
		expect((await s.requests()).filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it('without continueOnFail an invalid input item throws a NodeOperationError with its index', async () => {
		const error = await runNode(s, getOrCreate(), {
			items: items(makeOrder({ number: '1' }), { not: 'an order' }),
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toMatch(/Mijnwebwinkel/);
	});
});

describe('Client CRUD and search', () => {
	it('creates (201 plain-text number), gets, updates (PUT with all fields) and deletes a client', async () => {
		const [created] = await runNode(s, {
			resource: 'client',
			operation: 'create',
			email: 'crud@example.nl',
			additionalFields: { contact: 'Crud Klant', city: 'Delft', tax_shifted: false, top: 30 },
		});
		const nr = created.json.clientnr as string;
		expect(nr).toMatch(/^\d+$/);

		const [got] = await runNode(s, { resource: 'client', operation: 'get', clientnr: nr });
		// normalised types: booleans true/false, counts numbers, ids strings
		expect(got.json).toMatchObject({
			clientnr: nr,
			contact: 'Crud Klant',
			city: 'Delft',
			showcontact: true,
			tax_shifted: false,
			top: 30,
		});

		const [updated] = await runNode(s, {
			resource: 'client',
			operation: 'update',
			clientnr: nr,
			updateFields: { city: 'Leiden' },
		});
		expect(updated.json).toMatchObject({ clientnr: nr, city: 'Leiden' });
		const stored = (await s.state()).clients.find((c) => c.clientnr === nr)!;
		expect(stored).toMatchObject({
			city: 'Leiden',
			contact: 'Crud Klant',
			email: 'crud@example.nl',
		});

		const [deleted] = await runNode(s, { resource: 'client', operation: 'delete', clientnr: nr });
		expect(deleted.json).toMatchObject({ deleted: true, clientnr: nr });
		expect((await s.state()).clients.some((c) => c.clientnr === nr)).toBe(false);
	});

	it('Get of an unknown number (answered 200 with an array) is a clear not-found error', async () => {
		const error = await runNode(s, { resource: 'client', operation: 'get', clientnr: '999' }).catch(
			(e) => e,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Client 999 was not found/);
	});

	it('Get Many honours the limit; Search by Email filters the text search to exact matches', async () => {
		const many = await runNode(s, {
			resource: 'client',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(many).toHaveLength(2);
		const all = await runNode(s, { resource: 'client', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(seedClients.length);
		const exact = await runNode(s, {
			resource: 'client',
			operation: 'searchByEmail',
			email: 'JAN@example.nl',
			exactMatch: true,
		});
		expect(exact.map((o) => o.json.clientnr)).toEqual(['57']);
		const loose = await runNode(s, {
			resource: 'client',
			operation: 'searchByEmail',
			email: 'jan@example.nl',
			exactMatch: false,
		});
		expect(loose.map((o) => o.json.clientnr).sort()).toEqual(['57', '60']);
	});

	it('a 400 from Factuursturen becomes a NodeApiError quoting the field', async () => {
		const error = await runNode(s, {
			resource: 'client',
			operation: 'create',
			email: 'x@example.nl',
			additionalFields: { contact: 'X', currency: 'euro' },
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/currency/);
	});
});
