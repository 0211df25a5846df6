/**
 * The plain operations against the sandbox: invoices (create from lines, get, get many with filters and
 * paging, register payment, PDF, delete), products, the account lists, dropdowns, GET retries.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { Factuursturen } from '../../../nodes/Factuursturen/Factuursturen.node';
import {
	count,
	JAN_JANSEN,
	loadOptionsContext,
	runNode,
	type Sandbox,
	sandboxForTests,
} from './harness';

let s: Sandbox;
sandboxForTests({ clients: [JAN_JANSEN] }, (started) => (s = started));

const createParams = (extra: Record<string, unknown> = {}) => ({
	resource: 'invoice',
	operation: 'create',
	clientnr: '57',
	invoiceAction: 'send',
	sendMethod: 'mail',
	linesInput: 'fields',
	lines: {
		line: [
			{ description: 'Appels', amount: 4, price: '13', tax_rate: '21', discount_pct: 0 },
			{ description: 'Boek', amount: 1, price: '9.99', tax_rate: '9' },
			{ description: 'Alleen tekst' },
		],
	},
	...extra,
});

describe('Invoice operations', () => {
	it('creates from line fields (money as decimal text), then gets it with normalised types', async () => {
		const [created] = await runNode(
			s,
			createParams({
				additionalFields: {
					referenceLine1: 'Handmatig 1',
					alreadypaid: 'full',
					alreadypaidmethod: 'Pin',
				},
			}),
		);
		expect(created.json).toMatchObject({ clientnr: '57', lineCount: 3, action: 'send' });
		const post = (await s.requests()).find((r) => r.method === 'POST')!;
		expect((post.body as IDataObject).lines).toEqual([
			{ description: 'Appels', amount: 4, price: '13', tax_rate: '21' },
			{ description: 'Boek', amount: 1, price: '9.99', tax_rate: '9' },
			{ description: 'Alleen tekst' },
		]);
		const [got] = await runNode(s, {
			resource: 'invoice',
			operation: 'get',
			invoiceId: created.json.invoicenr,
		});
		// 4 × 13.00 = 52.00 + 10.92 VAT; 9.99 + 0.90 VAT → 73.81, paid in full
		expect(got.json).toMatchObject({
			invoicenr: created.json.invoicenr,
			totalintax: '73.81',
			tax: '11.82',
			open: '0.00',
			tax_shifted: false,
		});
		expect(typeof got.json.paymentperiod).toBe('number');
		expect((got.json.reference as IDataObject).line1).toBe('Handmatig 1');
	});

	it('creates from JSON lines and refuses float-unsafe or malformed amounts with a hint', async () => {
		const [ok] = await runNode(
			s,
			createParams({
				linesInput: 'json',
				linesJson: '[{"amount": 2, "description": "x", "tax_rate": 21, "price": "16.529"}]',
			}),
		);
		expect(ok.json.invoicenr).toBeTruthy();
		const error = await runNode(
			s,
			createParams({
				linesInput: 'json',
				linesJson: '[{"amount": 1, "description": "x", "tax_rate": 21, "price": "16,5,3"}]',
			}),
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.description).toMatch(/decimals with a dot/);
		expect(count(await s.requests(), 'POST', /^\/invoices$/)).toBe(1);
	});

	it('Get Many pages with count/start and filters; Return All asks for count=-1', async () => {
		for (let n = 0; n < 3; n++) await runNode(s, createParams());
		const limited = await runNode(s, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: { client: '57', filter: 'open' },
		});
		expect(limited).toHaveLength(2);
		const all = await runNode(s, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { since: '2000-01-01T00:00:00' },
		});
		expect(all).toHaveLength(3);
		const lists = (await s.requests()).filter(
			(r) => r.method === 'GET' && r.path === '/api/v1/invoices',
		);
		expect(lists[0].query).toEqual({ count: '2', start: '0', client: '57', filter: 'open' });
		expect(lists[1].query).toEqual({ count: '-1', start: '0', since: '2000-01-01' });
	});

	it('registers a payment, downloads the PDF as binary, deletes', async () => {
		const [created] = await runNode(s, createParams());
		const nr = created.json.invoicenr as string;
		const [paid] = await runNode(s, {
			resource: 'invoice',
			operation: 'registerPayment',
			invoiceId: nr,
			amount: 'full',
			date: '2025-05-13',
			method: 'Bank',
		});
		expect(paid.json).toMatchObject({
			invoicenr: nr,
			paymentRegistered: true,
			date: '2025-05-13',
			amount: 'full',
		});
		expect((await s.state()).invoices[0]).toMatchObject({ open: '0.00', paiddate: '2025-05-13' });

		const [pdf] = await runNode(s, {
			resource: 'invoice',
			operation: 'downloadPdf',
			invoiceId: nr,
			binaryPropertyName: 'factuur',
		});
		const binary = pdf.binary!.factuur;
		expect(binary.mimeType).toBe('application/pdf');
		expect(Buffer.from(binary.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.json).toMatchObject({ invoicenr: nr });

		const [deleted] = await runNode(s, { resource: 'invoice', operation: 'delete', invoiceId: nr });
		expect(deleted.json).toEqual(expect.objectContaining({ deleted: true, invoicenr: nr }));
		expect((await s.state()).invoices).toHaveLength(0);
	});

	it('an unknown invoice is a 404 NodeApiError with a hint', async () => {
		const error = await runNode(s, {
			resource: 'invoice',
			operation: 'get',
			invoiceId: '424242',
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.description).toMatch(/Invoice 424242 does not exist/);
	});
});

describe('Products and account lists', () => {
	it('creates, gets, updates, lists and deletes a product', async () => {
		const [created] = await runNode(s, {
			resource: 'product',
			operation: 'create',
			name: 'Poster',
			price: '24.752',
			taxes: '21',
			additionalFields: { code: 'POS-1' },
		});
		const id = created.json.id as string;
		expect(id).toBeTruthy();
		const [got] = await runNode(s, { resource: 'product', operation: 'get', productId: id });
		expect(got.json).toMatchObject({ id, name: 'Poster', code: 'POS-1', taxes: 21 });
		await runNode(s, {
			resource: 'product',
			operation: 'update',
			productId: id,
			updateFields: { price: '25' },
		});
		const list = await runNode(s, { resource: 'product', operation: 'getAll', returnAll: true });
		expect(list.map((p) => [p.json.id, p.json.price])).toEqual([
			[id, expect.stringMatching(/^25(\.0+)?$/)],
		]);
		await runNode(s, { resource: 'product', operation: 'delete', productId: id });
		expect((await s.state()).products).toHaveLength(0);
	});

	it.each([
		[
			'taxRate',
			(j: IDataObject) => typeof j.percentage === 'number' && typeof j.default === 'boolean',
		],
		['category', (j: IDataObject) => typeof j.ledger === 'string'],
		['country', (j: IDataObject) => typeof j.name === 'string'],
		['profile', (j: IDataObject) => j.default === true || j.default === false],
	])('%s → Get Many', async (resource, check) => {
		const out = await runNode(s, { resource, operation: 'getAll', returnAll: true });
		expect(out.length).toBeGreaterThan(0);
		expect(out.every((o) => check(o.json))).toBe(true);
		const limited = await runNode(s, { resource, operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited).toHaveLength(1);
	});

	it('dropdowns come from the account (domestic tax rates only, categories, profiles, countries)', async () => {
		const ctx = loadOptionsContext(s);
		const lo = new Factuursturen().methods.loadOptions;
		const rates = await lo.getTaxRates.call(ctx);
		expect(rates.map((r) => r.value)).toEqual(['21', '9', '0']);
		expect(rates[0].name).toBe('21% (high, default)');
		expect((await lo.getCategories.call(ctx)).map((c) => c.value).sort()).toEqual(['1', '2']);
		const profiles = await lo.getProfiles.call(ctx);
		expect(profiles.slice(0, 2)).toEqual([
			expect.objectContaining({ name: 'Account Default', value: '' }),
			{ name: 'Standaard (default)', value: '1' },
		]);
		// the editor marks a default that is not among the loaded options as "The value "" is not supported!"
		const walk = (props: INodeProperties[]): INodeProperties[] =>
			props.flatMap((p) => [
				p,
				...walk(
					((p.options ?? []) as Array<{ type?: string; values?: INodeProperties[] }>).flatMap(
						(o) => (o.type ? [o as INodeProperties] : (o.values ?? [])),
					),
				),
			]);
		const profileParams = walk(new Factuursturen().description.properties).filter(
			(p) => p.typeOptions?.loadOptionsMethod === 'getProfiles',
		);
		expect(profileParams.length).toBeGreaterThanOrEqual(2);
		for (const p of profileParams) expect(profiles.map((o) => o.value)).toContain(p.default);
		// OSS: the account's foreign rates, as the "DE:19" keys the mapping takes; no home (NL) rates
		const oss = await lo.getOssRates.call(ctx);
		expect(oss.slice(0, 2)).toEqual([
			{ name: 'AT 20% (high)', value: 'AT:20' },
			{ name: 'AT 10% (low)', value: 'AT:10' },
		]);
		expect(oss.map((o) => o.value)).toEqual(
			expect.arrayContaining(['BE:6', 'DE:19', 'DE:7', 'FR:5.5']),
		);
		expect(oss.some((o) => String(o.value).startsWith('NL:'))).toBe(false);
		const countries = await lo.getCountries.call(ctx);
		expect(countries.find((c) => c.name === 'Nederland')?.value).toBe('146');
	});
});

describe('transport', () => {
	it('retries a GET after a 5xx (bounded) and succeeds', async () => {
		await s.faults([{ route: 'GET /api/v1/taxes', kind: 'error', status: 502, times: 1 }]);
		const out = await runNode(s, { resource: 'taxRate', operation: 'getAll', returnAll: true });
		expect(out.length).toBeGreaterThan(0);
		expect((await s.requests()).map((r) => r.status)).toEqual([502, 200]);
	});

	it('gives up after the bounded retries with a clear server-error message', async () => {
		await s.faults([{ route: 'GET /api/v1/taxes', kind: 'error', status: 500 }]);
		const error = await runNode(s, {
			resource: 'taxRate',
			operation: 'getAll',
			returnAll: true,
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 500 to GET \/taxes/);
		expect((await s.requests()).length).toBe(3);
	});

	it('wrong credentials: a 401 error saying where to make an API key; the key never appears in it', async () => {
		const error = await runNode(
			s,
			{ resource: 'taxRate', operation: 'getAll', returnAll: true },
			{ credentials: { apiKey: 'wrong-secret-key' } },
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/Instellingen > Verbindingen/);
		expect(
			JSON.stringify({ m: error.message, d: error.description, c: error.context }),
		).not.toContain('wrong-secret-key');
	});

	it('a server that is not there: a network error with the reason, no secret', async () => {
		const error = await runNode(
			s,
			{ resource: 'taxRate', operation: 'getAll', returnAll: true },
			{ credentials: { baseUrl: 'http://127.0.0.1:9/api/v1' } },
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/No answer from Factuursturen to GET \/taxes/);
		expect(error.description).toMatch(/ECONNREFUSED/);
		expect(JSON.stringify(error.description)).not.toContain(s.sb.apiKey);
	});
});
