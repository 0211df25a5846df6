/**
 * Factuursturen sandbox: invoice creation and its arithmetic (hand-computed examples), reverse charge and
 * OSS, paid/open and payments, list filters and paging, PDF, search by reference, the captured invoice
 * shape, mutateInvoice and determinism under a seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	startFactuursturenSandbox,
	type RunningFactuursturenSandbox,
} from '../../sandbox/factuursturen';
import { ADDED_INVOICE_KEYS } from '../../sandbox/factuursturen/invoices';
import { fsClient } from '../../sandbox/factuursturen/http-client';

const CAPTURED = join(__dirname, '../fixtures/factuursturen');
const readJson = (name: string): unknown => JSON.parse(readFileSync(`${CAPTURED}/${name}`, 'utf8'));
const capturedInvoice = readJson('fs_api-invoice.json') as Record<string, unknown>;
const capturedList = readJson('jfactuursturen-listInvoiceResponse.json') as Array<
	Record<string, unknown>
>;

type Invoice = Record<string, unknown> & {
	id: string;
	invoicenr: string;
	lines: Record<string, Record<string, unknown>>;
	taxes: Record<string, { rate: number; sum: string; sum_of: string }>;
	tax: string;
	totalintax: string;
	open: string;
	paiddate: string;
	sent: string;
	history: Record<string, { date: string; time: string; description: string }>;
};

// 2024-05-09 08:56 UTC = 10:56 in Amsterdam (CEST)
const START = Date.UTC(2024, 4, 9, 8, 56);
let now = START;
const DAY = 86_400_000;

const seedClients = [
	{
		clientnr: '58',
		contact: 'Jan Jansen',
		email: 'jan@example.nl',
		address: 'Dorpsstraat 1',
		zipcode: '1234 AB',
		city: 'Utrecht',
		country: '146',
		sendmethod: 'email',
	},
	{ clientnr: '59', contact: 'Ina Intax', email: 'ina@example.nl', tax_type: 'intax' },
	{
		clientnr: '60',
		company: 'Müller GmbH',
		email: 'buch@mueller.de',
		country: '50',
		taxnumber: 'DE123456789',
		tax_shifted: 'true',
	},
	{ clientnr: '61', contact: 'Hans Kunde', email: 'hans@example.de', country: '50' },
	{ clientnr: '62', company: 'Incasso BV', paymentmethod: 'autocollect', top: '30' },
];

let sb: RunningFactuursturenSandbox;
let api: ReturnType<typeof fsClient>;

beforeAll(async () => {
	sb = await startFactuursturenSandbox({ seed: 5, clients: seedClients, now: () => now });
	api = fsClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
	now = START;
	await api.request('POST', '/__sandbox/reset');
});

async function create(body: Record<string, unknown>): Promise<string> {
	const res = await api.post('/invoices', { action: 'send', sendmethod: 'mail', ...body });
	if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
	expect(res.contentType).toMatch(/^text\/plain/);
	return res.text;
}

async function read(nr: string): Promise<Invoice> {
	const res = await api.get(`/invoices/${encodeURIComponent(nr)}`);
	expect(res.status).toBe(200);
	return res.json<{ invoice: Invoice }>().invoice;
}

const line = (
	amount: unknown,
	price: unknown,
	tax_rate: unknown,
	extra: Record<string, unknown> = {},
) => ({
	amount,
	price,
	tax_rate,
	description: `item ${String(price)}`,
	...extra,
});

describe('create and arithmetic', () => {
	it('documented example: 2×16.53 − 4.13 + 4.96 at 21% extax → base 33.89, VAT 7.12, total 41.01', async () => {
		const nr = await create({
			clientnr: 58,
			sendmethod: 'email',
			reference: { line1: 'Bestelling #100234', line2: '', line3: '' },
			lines: [
				{ amount: 2, description: 'T-shirt blauw M', tax_rate: 21, price: 16.53, discount_pct: 0 },
				{ amount: 1, description: 'Kortingscode ZOMER', tax_rate: 21, price: -4.13 },
				{ amount: 1, description: 'Verzendkosten', tax_rate: 21, price: 4.96 },
			],
			alreadypaid: 'full',
			alreadypaidmethod: 'iDEAL',
		});
		expect(nr).toMatch(/^2024\d{4}$/);
		const inv = await read(nr);
		expect(Object.values(inv.lines).map((l) => l.linetotal)).toEqual([33.06, -4.13, 4.96]);
		expect(inv.taxes).toEqual({ tax1: { rate: 21, sum: '7.12', sum_of: '33.89' } });
		expect([inv.tax, inv.totalintax, inv.open, inv.paiddate]).toEqual([
			'7.12',
			'41.01',
			'0.00',
			'2024-05-09',
		]);
		expect(inv).toMatchObject({
			id: nr,
			invoicenr: nr,
			invoicenr_full: nr,
			clientnr: '58',
			contact: 'Jan Jansen',
			country: '146',
			email: 'jan@example.nl',
			zipcode: '1234 AB',
			sent: '2024-05-09',
			duedate: '2024-05-23',
			paymentperiod: '14',
			reference: { line1: 'Bestelling #100234', line2: '', line3: '' },
			tax_type: 'extax',
			tax_shifted: 'false',
			language: 'nl',
			collection: '0',
		});
		expect(inv.history.item1).toEqual({
			date: '2024-05-09',
			time: '10:56',
			description: 'Factuur verstuurd via e-mail',
		});
		expect(inv.history.item2.description).toBe('Betaling van € 41,01 geregistreerd (iDEAL)');
	});

	it('mixed 21/9 extax basket with 3-decimal prices, string inputs and a line discount', async () => {
		// 21%: 3×12.395 = 37.185 → 37.19; 1×4.13 → sum_of 41.32, VAT 8.6772 → 8.68
		//  9%: 1×8.26 −10% = 7.434 → 7.43; 2×1.835 = 3.67 → sum_of 11.10, VAT 0.999 → 1.00
		// tax 9.68, total 41.32 + 11.10 + 9.68 = 62.10
		const nr = await create({
			clientnr: '58',
			lines: [
				line('3', '12.395', '21'),
				line('1', '8.26', '9.00', { discount_pct: '10' }),
				line(2, 1.835, 9),
				line(1, '4.130', 21, { description: 'Verzendkosten' }),
			],
		});
		const inv = await read(nr);
		expect(
			Object.values(inv.lines).map((l) => [
				l.amount,
				l.price,
				l.tax_rate,
				l.discount_pct,
				l.linetotal,
			]),
		).toEqual([
			[3, 12.395, 21, 0, 37.19],
			[1, 8.26, 9, 10, 7.43],
			[2, 1.835, 9, 0, 3.67],
			[1, 4.13, 21, 0, 4.13],
		]);
		expect(inv.taxes).toEqual({
			tax1: { rate: 21, sum: '8.68', sum_of: '41.32' },
			tax2: { rate: 9, sum: '1.00', sum_of: '11.10' },
		});
		expect([inv.tax, inv.totalintax, inv.open, inv.paiddate]).toEqual([
			'9.68',
			'62.10',
			'62.10',
			'',
		]);
	});

	it('intax client: prices incl. VAT, VAT extracted per rate (rate/(100+rate)), total = Σ linetotal', async () => {
		// 21%: 2×19.99 + 4.95 = 44.93 → VAT 44.93×21/121 = 7.7977 → 7.80 (base 37.13)
		//  9%: 5.95 → VAT 5.95×9/109 = 0.4913 → 0.49 (base 5.46); tax 8.29, total 50.88
		const nr = await create({
			clientnr: 59,
			lines: [line(2, '19.99', 21), line(1, '5.95', 9), line(1, '4.95', 21)],
		});
		const inv = await read(nr);
		expect(inv.taxes).toEqual({
			tax1: { rate: 21, sum: '7.80', sum_of: '44.93' },
			tax2: { rate: 9, sum: '0.49', sum_of: '5.95' },
		});
		expect([inv.tax, inv.totalintax, inv.tax_type]).toEqual(['8.29', '50.88', 'intax']);
	});

	it('rounds half away from zero, also for negative amounts', async () => {
		// 1×0.50 at 9%: VAT 0.045 → 0.05;  1×−0.125 at 21%: linetotal −0.13, VAT −0.0273 → −0.03
		const nr = await create({ clientnr: 58, lines: [line(1, '0.50', 9), line(1, '-0.125', 21)] });
		const inv = await read(nr);
		expect(inv.taxes).toEqual({
			tax1: { rate: 9, sum: '0.05', sum_of: '0.50' },
			tax2: { rate: 21, sum: '-0.03', sum_of: '-0.13' },
		});
		expect([inv.tax, inv.totalintax]).toEqual(['0.02', '0.39']);
	});

	it('computes fractional amounts and 6-decimal prices exactly', async () => {
		// 1.5 × 10.00 = 15.00; 3 × 0.333333 = 0.999999 → 1.00; at 21%: sum_of 16.00, VAT 3.36
		const nr = await create({
			clientnr: 58,
			lines: [line('1.5', '10.00', 21), line(3, '0.333333', 21)],
		});
		const inv = await read(nr);
		expect(Object.values(inv.lines).map((l) => l.linetotal)).toEqual([15, 1]);
		expect([inv.tax, inv.totalintax]).toEqual(['3.36', '19.36']);
	});

	it('reverse-charge (tax_shifted) client: no VAT whatever the line rate', async () => {
		const nr = await create({ clientnr: 60, lines: [line(2, '50.00', 0), line(1, '10.00', 21)] });
		const inv = await read(nr);
		expect(inv.taxes).toEqual({
			tax1: { rate: 0, sum: '0.00', sum_of: '100.00' },
			tax2: { rate: 21, sum: '0.00', sum_of: '10.00' },
		});
		expect(inv).toMatchObject({
			tax: '0.00',
			totalintax: '110.00',
			tax_shifted: 'true',
			taxnumber: 'DE123456789',
			company: 'Müller GmbH',
			country: '50',
		});
	});

	it('OSS: tax_country lines use the client country rates; refused for a Dutch client or a home-only rate', async () => {
		const nr = await create({
			clientnr: 61,
			lines: [
				line(1, '100.00', 19, { tax_country: true }),
				line(1, '10', 7, { tax_country: 'true' }),
			],
		});
		const inv = await read(nr);
		expect(inv.taxes).toEqual({
			tax1: { rate: 19, sum: '19.00', sum_of: '100.00' },
			tax2: { rate: 7, sum: '0.70', sum_of: '10.00' },
		});
		expect(Object.keys(inv.lines.line1)).not.toContain('tax_country');

		const dutch = await api.post('/invoices', {
			action: 'send',
			sendmethod: 'mail',
			clientnr: 58,
			lines: [line(1, 10, 21, { tax_country: true })],
		});
		expect(dutch.status).toBe(400);
		expect(dutch.text).toMatch(
			/^lines\.line1\.tax_country: only for a client in a foreign country/,
		);
		const homeRate = await api.post('/invoices', {
			action: 'send',
			sendmethod: 'mail',
			clientnr: 61,
			lines: [line(1, 10, 19)],
		});
		expect(homeRate.status).toBe(400);
		expect(homeRate.text).toMatch(/19% is not a VAT rate of this account for NL/);
	});

	it('refuses an unknown VAT rate, an unknown client and malformed lines with 400 plain text; stores nothing', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[
				{ clientnr: 58, lines: [line(1, 10, 21), line(1, 10, 8)] },
				/^lines\.line2\.tax_rate: 8% is not a VAT rate of this account/,
			],
			[{ clientnr: 4242, lines: [line(1, 10, 21)] }, /^clientnr: client 4242 does not exist/],
			[{ lines: [line(1, 10, 21)] }, /^clientnr is required/],
			[{ clientnr: 58, lines: [] }, /^lines: an invoice needs at least one line/],
			[
				{ clientnr: 58, lines: [{ amount: 1, price: 10, description: 'x' }] },
				/^lines\.line1\.tax_rate is required/,
			],
			[
				{ clientnr: 58, lines: [line(1, '16.5289256', 21)] },
				/^lines\.line1\.price: .*7 decimals, at most 6/,
			],
			[
				{ clientnr: 58, lines: [line(1, '16,53', 21)] },
				/^lines\.line1\.price: "16,53" is not a number/,
			],
			[{ clientnr: 58, sendmethod: 'fax', lines: [line(1, 10, 21)] }, /^sendmethod: "fax"/],
			[
				{ clientnr: 62, sendmethod: 'email', lines: [line(1, 10, 21)] },
				/client 62 has no e-mail address/,
			],
			[
				{ clientnr: 58, category: '99', lines: [line(1, 10, 21)] },
				/^category: 99 is not a category/,
			],
		];
		for (const [body, message] of cases) {
			const res = await api.post('/invoices', { action: 'send', sendmethod: 'mail', ...body });
			expect([res.status, res.contentType.split(';')[0]]).toEqual([400, 'text/plain']);
			expect(res.text).toMatch(message);
		}
		const noAction = await api.post('/invoices', { clientnr: 58, lines: [line(1, 10, 21)] });
		expect(noAction.status).toBe(400);
		expect(noAction.text).toMatch(/^action: required/);
		expect((await api.state()).invoices).toHaveLength(0);
	});

	it('accepts lines keyed line1… and form-encoded posts; keeps text-only lines; stores category and profile', async () => {
		const a = await create({
			clientnr: 58,
			category: '1',
			lines: {
				line2: line(1, '5.00', 9),
				line1: { description: 'Bestelling van 9 mei' },
				line10: line(2, '1.00', 21),
			},
		});
		const inv = await read(a);
		expect(Object.keys(inv.lines)).toEqual(['line1', 'line2', 'line3']);
		expect(inv.lines.line1).toEqual({
			amount: 0,
			amount_desc: '',
			description: 'Bestelling van 9 mei',
			tax_rate: 0,
			price: 0,
			discount_pct: 0,
			linetotal: 0,
		});
		expect(inv.taxes).toEqual({
			tax1: { rate: 9, sum: '0.45', sum_of: '5.00' },
			tax2: { rate: 21, sum: '0.42', sum_of: '2.00' },
		});
		expect([inv.category, inv.profile]).toEqual(['1', '1']);

		const form = await api.post(
			'/invoices',
			{
				clientnr: '58',
				action: 'send',
				sendmethod: 'mail',
				'reference[line1]': 'Bestelling 1001',
				'lines[0][amount]': '2',
				'lines[0][price]': '16.53',
				'lines[0][tax_rate]': '21',
				'lines[0][description]': 'Shirt',
				'lines[1][amount]': '1',
				'lines[1][price]': '4.96',
				'lines[1][tax_rate]': '21',
				'lines[1][description]': 'Verzending',
				alreadypaid: 'full',
				alreadypaidmethod: 'Pin',
			},
			{ form: true },
		);
		expect(form.status).toBe(201);
		const f = await read(form.text);
		expect([f.tax, f.totalintax, f.open, (f.reference as { line1: string }).line1]).toEqual([
			'7.98',
			'46.00',
			'0.00',
			'Bestelling 1001',
		]);
	});

	it('numbers invoices sequentially, ids as plain text; with a prefix invoicenr differs from id', async () => {
		const a = await create({ clientnr: 58, lines: [line(1, 1, 21)] });
		const b = await create({ clientnr: 58, lines: [line(1, 1, 21)] });
		expect(Number(b)).toBe(Number(a) + 1);

		const prefixed = await startFactuursturenSandbox({
			clients: seedClients,
			invoiceNumberPrefix: 'F',
			now: () => now,
		});
		try {
			const c = fsClient(prefixed);
			const res = await c.post('/invoices', {
				action: 'send',
				sendmethod: 'mail',
				clientnr: 58,
				lines: [line(1, 1, 21)],
			});
			expect(res.text).toMatch(/^F2024\d{4}$/);
			const byNr = (await c.get(`/invoices/${res.text}`)).json<{ invoice: Invoice }>().invoice;
			expect(byNr.id).toBe(res.text.slice(1));
			expect(
				(await c.get(`/invoices/${byNr.id}`)).json<{ invoice: Invoice }>().invoice.invoicenr,
			).toBe(res.text);
		} finally {
			await prefixed.close();
		}
	});

	it('has no idempotency: the same body twice makes two invoices; search by reference finds both', async () => {
		const body = {
			clientnr: 58,
			reference: { line1: 'Bestelling 100777' },
			lines: [line(1, 10, 21)],
		};
		const a = await create(body);
		const b = await create(body);
		expect(a).not.toBe(b);
		const hits = (await api.get('/search/invoices/all/bestelling%20100777')).json<Invoice[]>();
		expect(hits.map((i) => i.invoicenr)).toEqual([a, b]);
		expect((await api.get('/search/invoices/all/Bestelling%20100778')).json()).toEqual([]);
	});

	it('updates the client lastinvoice and leaves the rest of the client alone', async () => {
		const before = (await api.get('/clients/58')).json<{ client: Record<string, unknown> }>()
			.client;
		now = START + 3 * DAY;
		await create({ clientnr: 58, lines: [line(1, 1, 21)] });
		const after = (await api.get('/clients/58')).json<{ client: Record<string, unknown> }>().client;
		expect(after).toEqual({ ...before, lastinvoice: '2024-05-12' });
	});
});

describe('paid, open and payments', () => {
	it('alreadypaid full → open 0.00; partial → open reduced; none → open = total', async () => {
		const lines = [line(1, '100.00', 21)];
		const full = await read(
			await create({ clientnr: 58, lines, alreadypaid: 'full', alreadypaidmethod: 'iDEAL' }),
		);
		const part = await read(
			await create({ clientnr: 58, lines, alreadypaid: '21.00', alreadypaidmethod: 'Contant' }),
		);
		const none = await read(await create({ clientnr: 58, lines }));
		expect([full.open, full.paiddate]).toEqual(['0.00', '2024-05-09']);
		expect([part.open, part.paiddate]).toEqual(['100.00', '2024-05-09']);
		expect([none.open, none.paiddate, none.totalintax]).toEqual(['121.00', '', '121.00']);
	});

	it('POST /invoices_payment registers payments (partial, then full) with 201', async () => {
		const nr = await create({ clientnr: 58, lines: [line(1, '100.00', 21)] });
		const first = await api.post(`/invoices_payment/${nr}`, {
			date: '2024-05-10',
			amount: '21.00',
			method: 'Bank',
		});
		expect(first.status).toBe(201);
		let inv = await read(nr);
		expect([inv.open, inv.paiddate]).toEqual(['100.00', '2024-05-10']);
		const second = await api.post(
			`/invoices_payment/${nr}`,
			{ date: '2024-05-11', amount: 'full', method: 'iDEAL' },
			{ form: true },
		);
		expect(second.status).toBe(201);
		inv = await read(nr);
		expect([inv.open, inv.paiddate]).toEqual(['0.00', '2024-05-11']);
		expect(Object.values(inv.history).map((h) => h.description)).toEqual([
			'Factuur verstuurd',
			'Betaling van € 21,00 geregistreerd (Bank)',
			'Betaling van € 100,00 geregistreerd (iDEAL)',
		]);
		const again = await api.post(`/invoices_payment/${nr}`, { date: '2024-05-11', amount: 'full' });
		expect(again.status).toBe(400);
		expect(again.text).toMatch(/nothing outstanding/);
	});

	it('refuses payments without date or amount and on unknown invoices', async () => {
		const nr = await create({ clientnr: 58, lines: [line(1, 10, 21)] });
		expect((await api.post(`/invoices_payment/${nr}`, { amount: 'full' })).text).toMatch(
			/^date is required/,
		);
		expect(
			(await api.post(`/invoices_payment/${nr}`, { date: '9-5-2024', amount: 'full' })).status,
		).toBe(400);
		expect((await api.post(`/invoices_payment/${nr}`, { date: '2024-05-09' })).text).toMatch(
			/^amount is required/,
		);
		expect(
			(await api.post(`/invoices_payment/${nr}`, { date: '2024-05-09', amount: '1,00' })).status,
		).toBe(400);
		expect(
			(await api.post('/invoices_payment/123', { date: '2024-05-09', amount: 'full' })).status,
		).toBe(404);
	});
});

describe('list, filters and paging', () => {
	async function scenario(): Promise<Record<string, string>> {
		const lines = [line(1, '100.00', 21)];
		now = Date.UTC(2024, 3, 1, 10); // 2024-04-01, due 04-15
		const overdue = await create({ clientnr: 58, lines });
		now = Date.UTC(2024, 4, 1, 10); // 2024-05-01
		const paid = await create({
			clientnr: 59,
			lines,
			alreadypaid: 'full',
			alreadypaidmethod: 'iDEAL',
		});
		now = Date.UTC(2024, 4, 5, 10);
		const partly = await create({ clientnr: 58, lines, alreadypaid: '50.00' });
		const toomuch = await create({ clientnr: 62, lines, alreadypaid: '130.00' });
		now = START; // 2024-05-09
		const open = await create({ clientnr: 58, lines });
		const uncollectible = await create({ clientnr: 61, lines });
		await api.control({
			mutateInvoice: { invoicenr: uncollectible, patch: { uncollectible: '2024-05-09' } },
		});
		return { overdue, paid, partly, toomuch, open, uncollectible };
	}
	const nrs = (body: unknown): string[] => (body as Invoice[]).map((i) => i.invoicenr);

	it('filters by status, sent date (inclusive) and client', async () => {
		const s = await scenario();
		const q = async (query: string): Promise<string[]> => {
			const res = await api.get(`/invoices?${query}`);
			expect(res.status).toBe(200);
			return nrs(res.json());
		};
		expect(await q('filter=open')).toEqual([s.overdue, s.partly, s.open]);
		expect(await q('filter=overdue')).toEqual([s.overdue]);
		expect(await q('filter=paid')).toEqual([s.paid]);
		expect(await q('filter=partly')).toEqual([s.partly]);
		expect(await q('filter=toomuch')).toEqual([s.toomuch]);
		expect(await q('filter=uncollectible')).toEqual([s.uncollectible]);
		expect(await q('filter=sent')).toHaveLength(6);
		expect(await q('since=2024-05-01&until=2024-05-05')).toEqual([s.paid, s.partly, s.toomuch]);
		expect(await q('since=2024-05-09')).toEqual([s.open, s.uncollectible]);
		expect(await q('client=58')).toEqual([s.overdue, s.partly, s.open]);
		expect(await q('client=58&filter=open&since=2024-05-02')).toEqual([s.partly, s.open]);
		const bad = await api.get('/invoices?filter=late');
		expect(bad.status).toBe(400);
		expect(bad.text).toMatch(/^filter: "late" is not a filter/);
		expect((await api.get('/invoices?since=09-05-2024')).status).toBe(400);
	});

	it('pages with count and start; count=-1 returns all; a default page size applies', async () => {
		const s = await scenario();
		const all = [s.overdue, s.paid, s.partly, s.toomuch, s.open, s.uncollectible];
		expect(nrs((await api.get('/invoices?count=2')).json())).toEqual(all.slice(0, 2));
		expect(nrs((await api.get('/invoices?count=2&start=2')).json())).toEqual(all.slice(2, 4));
		expect(nrs((await api.get('/invoices?count=2&start=5')).json())).toEqual(all.slice(5));
		expect(nrs((await api.get('/invoices?count=-1')).json())).toEqual(all);
		expect(nrs((await api.get('/invoices?count=-1&start=4')).json())).toEqual(all.slice(4));

		const small = await startFactuursturenSandbox({
			clients: seedClients,
			defaultListCount: 2,
			now: () => now,
		});
		try {
			const c = fsClient(small);
			for (let i = 0; i < 3; i++)
				await c.post('/invoices', {
					action: 'send',
					sendmethod: 'mail',
					clientnr: 58,
					lines: [line(1, 1, 21)],
				});
			expect((await c.get('/invoices')).json<Invoice[]>()).toHaveLength(2);
			expect((await c.get('/invoices?count=-1')).json<Invoice[]>()).toHaveLength(3);
		} finally {
			await small.close();
		}
	});

	it('deletes an invoice; an unknown one is a 404', async () => {
		const nr = await create({ clientnr: 58, lines: [line(1, 1, 21)] });
		expect((await api.del(`/invoices/${nr}`)).status).toBe(200);
		expect((await api.get(`/invoices/${nr}`)).status).toBe(404);
		expect((await api.del(`/invoices/${nr}`)).status).toBe(404);
	});

	it('mutateInvoice patches what clients read back (for reconciliation-mismatch tests)', async () => {
		const nr = await create({ clientnr: 58, lines: [line(1, '100.00', 21)] });
		const res = await api.control({
			mutateInvoice: {
				invoicenr: nr,
				patch: { totalintax: '120.99', lines: { line1: { price: 99.99 } } },
			},
		});
		expect(res.errors).toBeUndefined();
		const inv = await read(nr);
		expect(inv.totalintax).toBe('120.99');
		expect(inv.lines.line1).toMatchObject({ price: 99.99, linetotal: 100 });
		expect((await api.control({ mutateInvoice: { invoicenr: 'nope', patch: {} } })).errors).toEqual(
			['mutateInvoice: invoice nope not found'],
		);
	});
});

describe('PDF', () => {
	it('serves a small valid PDF for an invoice number and 404 for an unknown one', async () => {
		const nr = await create({ clientnr: 58, lines: [line(1, 10, 21)] });
		const pdf = await api.bytes(`/invoices_pdf/${nr}`);
		expect(pdf.status).toBe(200);
		expect(pdf.contentType).toBe('application/pdf');
		const textForm = pdf.body.toString('latin1');
		expect(textForm.startsWith('%PDF-1.')).toBe(true);
		expect(textForm.trimEnd().endsWith('%%EOF')).toBe(true);
		expect(textForm).toContain(`Factuur ${nr}`);
		// the cross-reference table points at the real object offsets
		const startxref = Number(/startxref\n(\d+)/.exec(textForm)?.[1]);
		expect(textForm.slice(startxref, startxref + 4)).toBe('xref');
		const offsets = [...textForm.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) =>
			Number(m[1]),
		);
		expect(offsets).toHaveLength(5);
		offsets.forEach((o, i) =>
			expect(textForm.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`),
		);
		expect((await api.bytes('/invoices_pdf/1')).status).toBe(404);
	});
});

describe('captured shapes', () => {
	const typeTree = (v: unknown): unknown => {
		if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeTree(x)]));
		}
		return Array.isArray(v) ? 'array' : typeof v;
	};

	it('an invoice has the captured key set (plus the documented newer fields) and the same value types', async () => {
		const nr = await create({ clientnr: 58, lines: [line(1, '0', 21, { description: 'test' })] });
		const inv = await read(nr);
		const expectedKeys = [...Object.keys(capturedInvoice), ...ADDED_INVOICE_KEYS].sort();
		expect(Object.keys(inv).sort()).toEqual(expectedKeys);
		expect(ADDED_INVOICE_KEYS).toEqual(['category', 'tax_type', 'language', 'tax_shifted']);
		const mine = typeTree(inv) as Record<string, unknown>;
		for (const key of ADDED_INVOICE_KEYS) {
			expect(mine[key]).toBe('string');
			delete mine[key];
		}
		// every value type, nested ones included (lines.line1, taxes.tax1, history.item1, reference)
		expect(mine).toEqual(typeTree(capturedInvoice));
		// the captured fixture's own values for this zero invoice, where the sandbox has no freedom
		for (const key of [
			'tax',
			'totalintax',
			'open',
			'collection',
			'discount',
			'discounttype',
			'profile',
			'uncollectible',
			'lastreminder',
			'invoicenote',
		]) {
			expect([key, inv[key]]).toEqual([key, capturedInvoice[key]]);
		}
		expect(inv.lines).toEqual(capturedInvoice.lines);
	});

	it('a GET /invoices list item matches the captured list response (the 4×13 at 21% example)', async () => {
		const nr = await create({
			clientnr: 58,
			sendmethod: 'email',
			lines: [
				{
					amount: 4,
					amount_desc: '',
					description: 'Appels',
					tax_rate: 21,
					price: 13,
					discount_pct: 0,
				},
			],
		});
		const list = (await api.get('/invoices')).json<Invoice[]>();
		expect(list).toHaveLength(1);
		const item = list[0];
		const captured = capturedList[0];
		const mine = typeTree(item) as Record<string, unknown>;
		ADDED_INVOICE_KEYS.forEach((k) => delete mine[k]);
		expect(mine).toEqual(typeTree(captured));
		for (const key of [
			'lines',
			'tax',
			'totalintax',
			'open',
			'paiddate',
			'taxes',
			'paymentperiod',
			'collection',
			'country',
		]) {
			expect([key, item[key]]).toEqual([key, captured[key]]);
		}
		expect(item.invoicenr).toBe(nr);
		expect(item.history.item1.description).toBe('Factuur verstuurd via e-mail');
		expect(item.paymentcondition).toBe(captured.paymentcondition);
	});

	it('money is text with two decimals, dates YYYY-MM-DD or empty', async () => {
		const nr = await create({ clientnr: 58, lines: [line(3, '1.1', 9)] });
		const inv = await read(nr);
		for (const key of ['tax', 'totalintax', 'open']) expect(inv[key]).toMatch(/^-?\d+\.\d{2}$/);
		for (const key of ['sent', 'duedate', 'paiddate', 'uncollectible', 'lastreminder'])
			expect(inv[key]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
	});
});

describe('account settings', () => {
	it('serves taxes, categories, profiles and the captured country list with string typing', async () => {
		const taxes = (await api.get('/taxes')).json<Array<Record<string, unknown>>>();
		expect(taxes).toContainEqual({ percentage: '21', type: 'H', default: 'true', country: 'NL' });
		expect(taxes).toContainEqual({ percentage: '9', type: 'L', default: 'false', country: 'NL' });
		expect((await api.get('/categories')).json()).toEqual([
			{ id: '1', name: 'Omzet webwinkel', ledger: '8000' },
			{ id: '2', name: 'Omzet verzendkosten', ledger: '8010' },
		]);
		expect((await api.get('/profiles')).json()).toEqual([
			{ id: '1', name: 'Standaard', default: 'true' },
		]);
		const countries = (await api.get('/countrylist/nl')).json<
			Array<{ id: string; name: string }>
		>();
		expect(countries).toEqual(readJson('jfactuursturen-countrylist_response.json'));
		expect(countries).toContainEqual({ id: '146', name: 'Nederland' });
		expect((await api.get('/countrylist/xx')).status).toBe(400);
	});

	it('uses configured taxes: a rate the account lacks is refused', async () => {
		const custom = await startFactuursturenSandbox({
			clients: seedClients,
			taxes: [{ percentage: 21, type: 'H', default: true, country: 'NL' }],
		});
		try {
			const c = fsClient(custom);
			const res = await c.post('/invoices', {
				action: 'send',
				sendmethod: 'mail',
				clientnr: 58,
				lines: [line(1, 10, 9)],
			});
			expect(res.status).toBe(400);
			expect(res.text).toMatch(/9% is not a VAT rate of this account for NL \(known: 21\)/);
		} finally {
			await custom.close();
		}
	});

	it('products CRUD with 201 plain-text id and computed priceintax', async () => {
		const res = await api.post('/products', {
			code: 'SHIRT-M',
			name: 'T-shirt',
			price: '120',
			taxes: 21,
		});
		expect([res.status, res.text]).toEqual([201, res.text.match(/^\d+$/)?.[0]]);
		const product = (await api.get(`/products/${res.text}`)).json<{
			product: Record<string, string>;
		}>().product;
		expect(product).toEqual({
			id: res.text,
			code: 'SHIRT-M',
			name: 'T-shirt',
			price: '120',
			taxes: '21',
			priceintax: '145.2',
		});
		expect(Object.keys(product)).toEqual(Object.keys(readJson('fs_api-product.json') as object));
		expect((await api.put(`/products/${res.text}`, { price: '10.125', taxes: '9' })).status).toBe(
			200,
		);
		expect(
			(await api.get(`/products/${res.text}`)).json<{ product: Record<string, string> }>().product,
		).toMatchObject({ price: '10.125', taxes: '9', priceintax: '11.04' });
		expect((await api.post('/products', { name: 'x', price: '1.0001', taxes: 21 })).status).toBe(
			400,
		);
		expect((await api.post('/products', { name: 'x', price: '1', taxes: 8 })).status).toBe(400);
		expect((await api.del(`/products/${res.text}`)).status).toBe(200);
		expect((await api.get('/products')).json()).toEqual([]);
	});

	it('saves a draft under invoices_saved (action save) without a number', async () => {
		const res = await api.post('/invoices', {
			action: 'save',
			savename: 'concept mei',
			clientnr: 58,
			lines: [line(1, 10, 21)],
		});
		expect(res.status).toBe(201);
		const saved = (await api.get('/invoices_saved')).json<Array<Record<string, unknown>>>();
		expect(saved).toHaveLength(1);
		expect(saved[0]).toMatchObject({
			id: res.text,
			invoicenr: '',
			sent: '',
			savename: 'concept mei',
			totalintax: '12.10',
		});
		expect((await api.get('/invoices')).json()).toEqual([]);
		expect(
			(await api.post('/invoices', { action: 'save', clientnr: 58, lines: [line(1, 10, 21)] }))
				.text,
		).toMatch(/^savename is required/);
	});
});

describe('determinism', () => {
	async function run(seed: number): Promise<unknown> {
		const s = await startFactuursturenSandbox({ seed, now: () => START });
		try {
			const c = fsClient(s);
			const nr = (await c.post('/clients', { contact: 'A', email: 'a@example.nl' })).text;
			for (let i = 1; i <= 3; i++) {
				await c.post('/invoices', {
					action: 'send',
					sendmethod: 'mail',
					clientnr: nr,
					lines: [line(i, '9.99', 21)],
					alreadypaid: i === 2 ? 'full' : undefined,
				});
			}
			return await c.state();
		} finally {
			await s.close();
		}
	}

	it('the same seed and requests give identical state; another seed gives other numbers', async () => {
		const a = await run(42);
		const b = await run(42);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		const c = (await run(43)) as { invoices: Invoice[] };
		const ids = (s: unknown): string[] =>
			(s as { invoices: Invoice[] }).invoices.map((i) => `${i.invoicenr} ${String(i.payment_url)}`);
		expect(ids(c)).not.toEqual(ids(a));
	});

	it('seed invoices are stored as sent invoices, dated by their `sent` field', async () => {
		const seeded = await startFactuursturenSandbox({
			clients: seedClients,
			invoices: [
				{
					clientnr: 58,
					sent: '2024-04-30',
					reference: { line1: 'Bestelling 900' },
					lines: [line(1, '10.00', 21)],
					alreadypaid: 'full',
				},
				{ clientnr: 59, lines: [line(1, '12.10', 21)] },
			],
			now: () => START,
		});
		try {
			const c = fsClient(seeded);
			const list = (await c.get('/invoices')).json<Invoice[]>();
			expect(list.map((i) => [i.sent, i.totalintax, i.open, i.duedate])).toEqual([
				['2024-04-30', '12.10', '0.00', '2024-05-14'],
				['2024-05-09', '12.10', '12.10', '2024-05-23'],
			]);
			expect((await c.get('/search/invoices/all/Bestelling%20900')).json<Invoice[]>()).toHaveLength(
				1,
			);
		} finally {
			await seeded.close();
		}
		await expect(
			startFactuursturenSandbox({ clients: [{ email: 'x@example.nl' }] }),
		).rejects.toThrow(/seed client #1 is invalid: contact or company/);
	});
});
