/**
 * Never twice, through the node against the sandbox's fault injection: every answer the duplicate check
 * relies on that cannot be read is an error (never "nothing there"), lists are read completely whatever
 * `count` does and once per execution, and no create (invoice or debtor) is ever sent twice for one order or
 * e-mail in an execution. Each case ends with the sandbox's state: no duplicate invoice, no duplicate debtor.
 */
import type { IDataObject } from 'n8n-workflow';
import { clearBudgetLedger } from '../../../nodes/Factuursturen/transport/rateLimit';
import {
	count,
	items,
	JAN_JANSEN,
	makeOrder,
	runNode,
	type Sandbox,
	sandboxForTests,
} from './harness';

const seedClients = [JAN_JANSEN];

let s: Sandbox;
sandboxForTests({ clients: seedClients }, (started) => (s = started));

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'invoice',
	operation: 'createFromOrder',
	...extra,
});
const getOrCreate = (lookupStrategy: 'all' | 'search') => ({
	resource: 'client',
	operation: 'getOrCreateByEmail',
	debtorSource: 'order',
	lookupStrategy,
});
const order = (number: string, email = 'jan@example.nl') =>
	({
		...makeOrder({ number, email }),
		clientnr: '57',
		tax_type: 'extax',
		tax_shifted: false,
		debtorAction: 'matched',
	}) as unknown as IDataObject;
const details = (json: IDataObject) => json.details as IDataObject;

/** every order number that has more than one invoice, and every e-mail with more than one debtor */
async function duplicates(): Promise<{ invoices: string[]; debtors: string[] }> {
	const state = await s.state();
	const twice = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
	return {
		invoices: twice(state.invoices.map((i) => String((i.reference as IDataObject).line1))),
		debtors: twice(state.clients.map((c) => String(c.email).toLowerCase())),
	};
}

const UNREADABLE_LISTS: Array<[string, { body: string; contentType?: string }]> = [
	[
		'an HTML page',
		{ body: '<!DOCTYPE html><html><body>Onderhoud</body></html>', contentType: 'text/html' },
	],
	[
		'cut-off JSON',
		{ body: '[{"id":"20250001","invoicenr":"20250001","reference":{"line1":"Bestelling 5001"' },
	],
	['an empty body', { body: '' }],
	['{"error": …}', { body: '{"error":"Internal error"}' }],
];

describe('an unreadable list is an error, never "no invoices" / "no debtors"', () => {
	it.each(UNREADABLE_LISTS)(
		'invoice list answering 200 with %s: nothing is created, every item says why, the list is read once',
		async (_what, answer) => {
			await runNode(s, create(), { items: items(order('5001'), order('5002')) });
			await s.faults([{ route: 'GET /api/v1/invoices', kind: 'replace', status: 200, ...answer }]);
			const before = (await s.requests()).length;
			const out = await runNode(s, create(), {
				items: items(order('5001'), order('5002'), order('5003')),
				continueOnFail: true,
			});
			expect(out.map((o) => details(o.json)?.code)).toEqual([
				'duplicate_check_unavailable',
				'duplicate_check_unavailable',
				'duplicate_check_unavailable',
			]);
			expect(String(out[0].json.error)).toMatch(
				/^The invoice list could not be read, so nothing was created/,
			);
			const log = (await s.requests()).slice(before);
			expect(count(log, 'POST', /^\/invoices$/)).toBe(0);
			// one bounded read for the execution (3 tries), not one per order
			expect(count(log, 'GET', /^\/invoices$/)).toBe(3);
			expect((await s.state()).invoices).toHaveLength(2);
		},
	);

	it('Find By Orders with an unreadable list fails every item instead of marking it "not invoiced"', async () => {
		await runNode(s, create(), { items: items(order('5011')) });
		await s.faults([
			{
				route: 'GET /api/v1/invoices',
				kind: 'replace',
				status: 200,
				body: '<html>502 Bad Gateway</html>',
				contentType: 'text/html',
			},
		]);
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'findByOrders' },
			{ items: items(order('5011'), order('5012')), continueOnFail: true },
		);
		expect(out.map((o) => [o.json.existingInvoice, details(o.json)?.code])).toEqual([
			[undefined, 'duplicate_check_unavailable'],
			[undefined, 'duplicate_check_unavailable'],
		]);
	});

	it.each(UNREADABLE_LISTS)(
		'client list answering 200 with %s: no debtor is created',
		async (_what, answer) => {
			await s.faults([{ route: 'GET /api/v1/clients', kind: 'replace', status: 200, ...answer }]);
			const orders = [
				makeOrder({ number: '5021', email: 'jan@example.nl' }),
				makeOrder({ number: '5022', email: 'nieuw@example.nl' }),
			];
			const out = await runNode(s, getOrCreate('all'), {
				items: items(...(orders as unknown as IDataObject[])),
				continueOnFail: true,
			});
			expect(out.map((o) => details(o.json)?.code)).toEqual([
				'duplicate_check_unavailable',
				'duplicate_check_unavailable',
			]);
			const log = await s.requests();
			expect(count(log, 'POST', /^\/clients$/)).toBe(0);
			expect(count(log, 'GET', /^\/clients$/)).toBe(3);
		},
	);

	it('a client search answering HTML is an error for that e-mail, not "no debtor"', async () => {
		await s.faults([
			{
				route: 'GET /api/v1/search/:area/:field/:query',
				kind: 'replace',
				status: 200,
				body: '<html></html>',
				contentType: 'text/html',
			},
		]);
		const out = await runNode(s, getOrCreate('search'), {
			items: items(
				makeOrder({ number: '5031', email: 'jan@example.nl' }) as unknown as IDataObject,
			),
			continueOnFail: true,
		});
		expect(String(out[0].json.error)).toMatch(/client search for jan@example.nl could not be read/);
		expect(count(await s.requests(), 'POST', /^\/clients$/)).toBe(0);
	});
});

describe('lists are read completely whatever count does', () => {
	it('a server whose count=-1 answers at most 100: 150 invoiced orders are all found, none booked twice', async () => {
		const orders = Array.from({ length: 150 }, (_x, n) => order(String(6000 + n)));
		const first = await runNode(s, create(), { items: items(...orders) });
		expect(first.every((o) => o.json.invoiceAction === 'created')).toBe(true);
		await s.api.control({ listCap: 100 });
		const before = (await s.requests()).length;
		const again = await runNode(s, create(), { items: items(...orders) });
		expect(again.filter((o) => o.json.invoiceAction === 'adopted')).toHaveLength(150);
		const log = (await s.requests()).slice(before);
		expect(
			log.filter((r) => r.method === 'GET').map((r) => [r.query.start, r.query.count]),
		).toEqual([
			['0', '100'],
			['100', '100'],
		]);
		expect(count(log, 'POST', /^\/invoices$/)).toBe(0);
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
	});
});

describe('no second create, ever', () => {
	it('a 201 whose body is not a number is an unknown outcome: looked up, and the real number is used', async () => {
		await s.faults([
			{
				route: 'POST /api/v1/invoices',
				kind: 'commit-then-replace',
				status: 201,
				body: 'OK',
				contentType: 'text/plain',
				times: 1,
			},
		]);
		const [out] = await runNode(s, create(), { items: items(order('7001')) });
		const stored = (await s.state()).invoices;
		expect(stored).toHaveLength(1);
		expect(out.json).toMatchObject({
			invoiceAction: 'created',
			recoveredAfterFailure: true,
			invoicenr: stored[0].invoicenr,
		});
		expect(out.json.invoicenr).not.toBe('OK');
	});

	it.each([
		['answers 404', { kind: 'error', status: 404 }],
		[
			'answers HTML',
			{ kind: 'replace', status: 200, body: '<html>Bad gateway</html>', contentType: 'text/html' },
		],
	])(
		'a lost create whose reference search %s is NOT sent again: outcome unknown; the next run adopts it',
		async (_what, searchFault) => {
			await s.faults([
				{ route: 'POST /api/v1/invoices', kind: 'commit-then-drop', times: 1 },
				{ route: 'GET /api/v1/search/:area/:field/:query', ...searchFault },
			]);
			const out = await runNode(s, create(), {
				items: items(order('7011'), order('7011')),
				continueOnFail: true,
			});
			expect(out.map((o) => details(o.json)?.code)).toEqual(['outcome_unknown', 'outcome_unknown']);
			expect(String(details(out[0].json).hint)).toMatch(/verified next run/);
			expect(count(await s.requests(), 'POST', /^\/invoices$/)).toBe(1);
			await s.faults([]);
			const [next] = await runNode(s, create(), { items: items(order('7011')) });
			expect(next.json).toMatchObject({ invoiceAction: 'adopted' });
			expect((await s.state()).invoices).toHaveLength(1);
		},
	);

	it('a lost create whose look-up finds the hourly budget spent is NOT sent again; after the renewal the next run adopts it', async () => {
		await s.faults([{ route: 'POST /api/v1/invoices', kind: 'commit-then-drop', times: 1 }]);
		await s.api.control({ rateLimit: { remaining: 2 } }); // the duplicate check and the create; the look-up is refused
		// no reserve, so the create is sent; its answer is lost, so the look-up meets the spent budget
		const [out] = await runNode(s, create({ requestOptions: { rateLimitReserve: 0 } }), {
			items: items(order('7051')),
			continueOnFail: true,
		});
		expect(details(out.json)).toMatchObject({ code: 'outcome_unknown', lookup: 'unreadable' });
		expect(String(out.json.error)).toMatch(/budget for this hour is spent/);
		const log = await s.requests();
		expect(count(log, 'POST', /^\/invoices$/)).toBe(1);
		// the look-up was refused once; the retries did not call again (the budget is known to be spent)
		expect(count(log, 'GET', /^\/search\//)).toBe(1);
		await s.api.control({ rateLimit: { remaining: 1000 } });
		clearBudgetLedger(); // the renewal, as the node would see it in the next window
		const [next] = await runNode(s, create(), { items: items(order('7051')) });
		expect(next.json).toMatchObject({ invoiceAction: 'adopted' });
		expect((await s.state()).invoices).toHaveLength(1);
	});

	it.each(['all', 'search'] as const)(
		'a lost debtor create with a second order of the same customer (%s): ONE debtor',
		async (strategy) => {
			await s.faults([{ route: 'POST /api/v1/clients', kind: 'commit-then-drop', times: 1 }]);
			const orders = [
				makeOrder({ number: '7021', email: 'nieuw@example.nl' }),
				makeOrder({ number: '7022', email: 'Nieuw@example.nl' }),
			];
			const out = await runNode(s, getOrCreate(strategy), {
				items: items(...(orders as unknown as IDataObject[])),
			});
			const debtors = (await s.state()).clients.filter((c) => c.email === 'nieuw@example.nl');
			expect(debtors).toHaveLength(1);
			expect(out.map((o) => [o.json.debtorAction, o.json.clientnr])).toEqual([
				['created', debtors[0].clientnr],
				['matched', debtors[0].clientnr],
			]);
			expect(count(await s.requests(), 'POST', /^\/clients$/)).toBe(1);
		},
	);

	it('a lost debtor create that the search cannot confirm: both orders of that customer reported, no second debtor', async () => {
		await s.faults([
			{ route: 'POST /api/v1/clients', kind: 'commit-then-drop', times: 1 },
			{ route: 'GET /api/v1/search/:area/:field/:query', kind: 'error', status: 404 },
		]);
		const orders = [
			makeOrder({ number: '7031', email: 'nieuw@example.nl' }),
			makeOrder({ number: '7032', email: 'ander@example.nl' }),
			makeOrder({ number: '7033', email: 'nieuw@example.nl' }),
		];
		const out = await runNode(s, getOrCreate('all'), {
			items: items(...(orders as unknown as IDataObject[])),
			continueOnFail: true,
		});
		expect(out.map((o) => details(o.json)?.code ?? o.json.debtorAction)).toEqual([
			'outcome_unknown',
			'created',
			'outcome_unknown',
		]);
		expect(count(await s.requests(), 'POST', /^\/clients$/)).toBe(2);
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
		// the next run finds the debtor the lost create made
		await s.faults([]);
		const next = await runNode(s, getOrCreate('all'), {
			items: items(orders[0] as unknown as IDataObject),
		});
		expect(next[0].json.debtorAction).toBe('matched');
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
	});

	it('a debtor create answered with something that is not a number is looked up, never taken as the number', async () => {
		await s.faults([
			{
				route: 'POST /api/v1/clients',
				kind: 'commit-then-replace',
				status: 201,
				body: '<html>Created</html>',
				contentType: 'text/html',
				times: 1,
			},
		]);
		const [out] = await runNode(s, getOrCreate('search'), {
			items: items(
				makeOrder({ number: '7041', email: 'nieuw@example.nl' }) as unknown as IDataObject,
			),
		});
		const debtor = (await s.state()).clients.find((c) => c.email === 'nieuw@example.nl')!;
		expect(out.json).toMatchObject({ debtorAction: 'created', clientnr: debtor.clientnr });
	});
});

describe('duplicates are reported with their fix; an order listed twice is reported, booked once', () => {
	it('an order with two invoices (booked twice earlier): Find By Orders and Create From Order name the one to keep and the one to credit', async () => {
		const [first] = await runNode(s, create(), { items: items(order('8001')) });
		// a second invoice with the same reference, as an earlier run without this guard or a person might have made
		const second = await s.api.post('/invoices', {
			clientnr: '57',
			action: 'send',
			sendmethod: 'mail',
			reference: { line1: 'Bestelling 8001' },
			lines: [{ amount: 1, description: 'x', tax_rate: 21, price: 10 }],
		});
		expect(second.status).toBe(201);
		const found = await runNode(
			s,
			{ resource: 'invoice', operation: 'findByOrders' },
			{ items: items(order('8001')) },
		);
		const fix = found[0].json.duplicateFix as IDataObject;
		expect(fix).toMatchObject({
			orderNumber: '8001',
			keep: first.json.invoicenr,
			credit: [second.text.trim()],
		});
		expect(String(fix.hint)).toMatch(/credit .* with a credit invoice/);
		const [booked] = await runNode(s, create(), { items: [{ json: found[0].json }] });
		expect(booked.json).toMatchObject({
			invoiceAction: 'adopted',
			invoicenr: first.json.invoicenr,
			duplicateFix: fix,
		});
		// without Find By Orders in front, Create From Order's own check says the same
		const [direct] = await runNode(s, create(), { items: items(order('8001')) });
		expect(direct.json.duplicateFix).toEqual(fix);
		expect(count(await s.requests(), 'POST', /^\/invoices$/)).toBe(2);
	});

	it('Find By Orders reports the second copy of an order listed twice (order_listed_twice) instead of passing it on to be booked again', async () => {
		const out = await runNode(
			s,
			{ resource: 'invoice', operation: 'findByOrders' },
			{ items: items(order('8011'), order('8012'), order('8011')), continueOnFail: true },
		);
		expect(
			out.map((o) => (o.json.existingInvoice === null ? 'new' : details(o.json)?.code)),
		).toEqual(['new', 'new', 'order_listed_twice']);
		expect(details(out[2].json)).toMatchObject({ orderNumber: '8011' });
	});
});
