/**
 * The bundled template in a real n8n 2.41.1: packed package installed as a community package, credentials pointing
 * at both sandboxes (one seeded shop), the template imported with `n8n import:*` and run with `n8n execute`.
 * Everything is judged from the sandboxes' state and request logs, against expectations computed with core/.
 * One n8n home and one sandbox pair serve all runs (each n8n command costs 10–20 s here); the tests run in order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { amsterdamToday, startDemoShop, type DemoShop } from '../../sandbox/demo-shop';
import { createN8nHome, executeWorkflow, killAllN8n, locateRuntime, nodeOutput, packPackage, type N8nHome } from '../../scripts/n8n';
import { formatReport, importTemplateSetup, N, reportOf, templateVariant, type Report } from '../../scripts/demo/setup';
import {
	fsControl,
	fsState,
	inLookback,
	invoiceForOrder,
	invoiceVsOrder,
	isInvoiceable,
	preloadClients,
	shopOrders,
	type FsClient,
	type ShopOrder,
} from './support/shop-expectations';

jest.setTimeout(15 * 60_000);

const SEED = 11;
const TODAY = amsterdamToday();
const LOOKBACK = 3;
const ID = { daily: 'tplE2eDaily000001', reprocess: 'tplE2eReprocess01', migrate: 'tplE2eMigrate0001', check: 'tplE2eMismatch001', pacing: 'tplE2ePacing00001' };
const PACING = { budget: 60, windowSeconds: 20 };

const addDays = (ymd: string, n: number): string => {
	const d = new Date(`${ymd}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
};

describe('template mijnwebwinkel-to-factuursturen in real n8n', () => {
	let demo: DemoShop;
	let home: N8nHome;
	let orders: ShopOrder[];
	let dailyBatch: ShopOrder[];
	let reprocessOrder: ShopOrder;
	let notInvoiceableOrder: ShopOrder;
	let mismatchOrder: ShopOrder;
	let migrateRange: { from: string; to: string };
	let initialClients: FsClient[];
	const scratch: string[] = [];
	/** order number → outcome of every run so far */
	const invoicedOrFailed = new Map<string, string>();

	const fsRequestsSince = (from: number) => demo.factuursturen.requests.slice(from);

	beforeAll(async () => {
		locateRuntime();
		const tarball = await packPackage();
		scratch.push(path.dirname(tarball));
		demo = await startDemoShop({ seed: SEED, orderCount: 300, today: TODAY, days: 14 });
		orders = shopOrders(demo);
		dailyBatch = orders.filter((o) => isInvoiceable(o) && inLookback(o, LOOKBACK));

		// A shop that booked most of these customers by hand before: a fifth of the daily batch's e-mails are new (~25-30 % of the customers whose orders get a debtor: refused orders add some).
		const known = new Set((await fsState(demo)).clients.map((c) => String(c.email).trim().toLowerCase()));
		const newEmails = [...new Set(dailyBatch.map((o) => o.email))].filter((e) => !known.has(e));
		const batchEmails = new Set(dailyBatch.map((o) => o.email)).size;
		const keepNew = Math.round(batchEmails * 0.2);
		const preload = dailyBatch.filter(
			(o, i, all) => newEmails.indexOf(o.email) >= keepNew && all.findIndex((x) => x.email === o.email) === i && o.canonical?.vat.regime === 'domestic',
		);
		await preloadClients(
			demo,
			preload.map((o) => ({ contact: o.canonical!.customer.invoiceAddress.name, email: o.email, country: '146', tax_type: 'intax' })),
		);
		initialClients = (await fsState(demo)).clients;

		const older = orders.filter((o) => isInvoiceable(o) && o.canonical && !inLookback(o, LOOKBACK + 1));
		migrateRange = { from: addDays(TODAY, -13), to: addDays(TODAY, -11) };
		const inRange = (o: ShopOrder) => o.date >= migrateRange.from && o.date <= migrateRange.to;
		reprocessOrder = older.find((o) => !inRange(o) && o.canonical!.vat.regime === 'domestic')!;
		notInvoiceableOrder = orders.find((o) => !o.isTest && o.statusName === 'Geannuleerd')!;
		mismatchOrder = dailyBatch.find((o) => o.canonical?.vat.regime === 'domestic')!;
		expect(reprocessOrder && notInvoiceableOrder && mismatchOrder).toBeTruthy();

		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-template-'));
		scratch.push(dir);
		home = createN8nHome({ dir, tarball });
		await importTemplateSetup(home, demo, [
			templateVariant({ id: ID.daily, settings: { mode: 'daily', lookbackDays: LOOKBACK } }),
			templateVariant({ id: ID.reprocess, settings: { mode: 'reprocess', orderNumbers: `${reprocessOrder.number}, ${notInvoiceableOrder.number}` } }),
			templateVariant({ id: ID.migrate, settings: { mode: 'migrate', dateFrom: migrateRange.from, dateTo: migrateRange.to } }),
			templateVariant({ id: ID.check, settings: { mode: 'reprocess', orderNumbers: mismatchOrder.number } }),
			templateVariant({ id: ID.pacing, settings: { mode: 'daily', lookbackDays: LOOKBACK }, requestOptions: { rateLimitWindowSeconds: PACING.windowSeconds } }),
		]);
	});

	afterAll(async () => {
		killAllN8n();
		await demo?.close();
		for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
	});

	async function run(id: string): Promise<Report> {
		const result = await executeWorkflow(home, id);
		const report = reportOf(result);
		console.log(`[${id}] ${formatReport(report)}`);
		for (const i of report.invoices) invoicedOrFailed.set(i.orderNumber, 'invoiced');
		return report;
	}

	it('daily run: every invoiceable order invoiced once and paid, problems reported with a fix, ≤ 1.4 calls per invoice', async () => {
		const before = demo.factuursturen.requests.length;
		const report = await run(ID.daily);
		const calls = fsRequestsSince(before);

		// every order of the batch is accounted for: invoiced, or failed with a reason and a fix
		const failed = new Map(report.failedOrders.map((f) => [String(f.orderNumber), f]));
		for (const f of report.failedOrders) {
			expect(f.reason).toBeTruthy();
			expect(f.hint).toBeTruthy();
		}
		const invoiced = new Set(report.invoices.map((i) => i.orderNumber));
		for (const o of dailyBatch) {
			const refusedByMapper = o.refusal !== null;
			expect([o.number, invoiced.has(o.number) || failed.has(o.number)]).toEqual([o.number, true]);
			if (refusedByMapper) expect(failed.get(o.number)?.code).toBe(o.refusal!.code);
		}
		expect(report.sent).toBe(invoiced.size);
		expect(report.sent + report.failed).toBe(dailyBatch.length);
		expect(report.mismatched).toBe(0);
		// reverse charge without a VAT number is refused with its fix, the rest goes on
		const rcNoVat = dailyBatch.filter((o) => o.canonical?.vat.regime === 'intra_eu_reverse_charge' && !o.canonical.customer.vatNumber);
		for (const o of rcNoVat) expect(failed.get(o.number)?.code).toBe('reverse_charge_without_vat_number');

		// the sandbox's books: one paid invoice per invoiced order, amounts and VAT per rate as the order
		const state = await fsState(demo);
		for (const o of dailyBatch.filter((x) => invoiced.has(x.number))) {
			const invs = invoiceForOrder(state.invoices, o.number);
			expect([o.number, invs.length]).toEqual([o.number, 1]);
			expect([o.number, invoiceVsOrder(invs[0], o.canonical!)]).toEqual([o.number, []]);
		}
		for (const o of dailyBatch.filter((x) => failed.has(x.number))) expect(invoiceForOrder(state.invoices, o.number)).toHaveLength(0);

		// debtors: existing ones untouched, new ones created once per e-mail
		expect(calls.filter((r) => r.path.startsWith('/api/v1/clients') && r.method !== 'GET' && r.method !== 'POST')).toEqual([]);
		// (lastinvoice is kept by Factuursturen itself when an invoice is booked on the debtor)
		const asEntered = (c: FsClient | undefined) => (c ? { ...c, lastinvoice: undefined } : c);
		for (const c of initialClients) expect(asEntered(state.clients.find((x) => String(x.clientnr) === String(c.clientnr)))).toEqual(asEntered(c));
		const emails = state.clients.map((c) => String(c.email).trim().toLowerCase()).filter(Boolean);
		expect(new Set(emails).size).toBe(emails.length);
		const created = calls.filter((r) => r.method === 'POST' && r.path === '/api/v1/clients').length;
		const knownBefore = new Set(initialClients.map((c) => String(c.email).trim().toLowerCase()));
		// orders the Mijnwebwinkel node refuses never reach the debtor step
		// and a debtor the node refuses to create (e.g. reverse charge without a VAT number) is not created
		const refusedAtDebtor = new Set(report.failedOrders.filter((f) => f.stage === 'debtor').map((f) => String(f.orderNumber)));
		const reachDebtors = dailyBatch.filter((o) => o.canonical !== null && !refusedAtDebtor.has(o.number));
		expect(created).toBe(new Set(reachDebtors.map((o) => o.email).filter((e) => !knownBefore.has(e))).size);

		// API economy: one list per bulk step, one create per invoice, one create per new debtor
		const perInvoice = calls.length / report.sent;
		const newShare = created / new Set(reachDebtors.map((o) => o.email)).size;
		console.log(
			`Factuursturen calls: ${calls.length} for ${report.sent} invoices = ${perInvoice.toFixed(3)} per invoiced order ` +
				`(${created} new debtors = ${(newShare * 100).toFixed(0)} % of the batch's customers; ${report.failed} orders refused)`,
		);
		expect(newShare).toBeGreaterThan(0.15);
		expect(newShare).toBeLessThan(0.45);
		expect(perInvoice).toBeLessThanOrEqual(1.4);
		expect(calls.filter((r) => r.path.startsWith('/api/v1/invoices') && r.method === 'GET').length).toBeLessThanOrEqual(2);

		// nothing else was touched: no order was changed in the shop, no test or other-status order invoiced
		expect(demo.mijnwebwinkel.requests.filter((r) => r.method !== 'GET')).toEqual([]);
		const refs = new Set(state.invoices.map((i) => i.reference.line1));
		for (const o of orders.filter((x) => !isInvoiceable(x))) expect(invoiceForOrder(state.invoices, o.number)).toHaveLength(0);
		expect(refs.size).toBe(state.invoices.length);
	});

	it('a second daily run creates nothing and adopts every invoice', async () => {
		const invoicesBefore = (await fsState(demo)).invoices.length;
		const before = demo.factuursturen.requests.length;
		const report = await run(ID.daily);
		const writes = fsRequestsSince(before).filter((r) => r.method !== 'GET');
		// only the refused orders' debtors were created already; nothing is written again
		expect(writes).toEqual([]);
		expect((await fsState(demo)).invoices).toHaveLength(invoicesBefore);
		expect(report.sent).toBe(0);
		expect(report.adopted).toBeGreaterThan(0);
	});

	it('reprocess by order number: invoices an order outside the lookback, skips a cancelled one with its reason', async () => {
		const report = await run(ID.reprocess);
		expect(report.invoices).toEqual([expect.objectContaining({ orderNumber: reprocessOrder.number, outcome: 'sent' })]);
		expect(report.skippedOrders).toEqual([expect.objectContaining({ orderNumber: notInvoiceableOrder.number, code: 'status_not_invoiceable' })]);
		const state = await fsState(demo);
		const invs = invoiceForOrder(state.invoices, reprocessOrder.number);
		expect(invs).toHaveLength(1);
		expect(invoiceVsOrder(invs[0], reprocessOrder.canonical!)).toEqual([]);
		expect(invoiceForOrder(state.invoices, notInvoiceableOrder.number)).toHaveLength(0);
	});

	it('migrate a date range: every invoiceable order placed in it is invoiced once (earlier ones adopted)', async () => {
		const report = await run(ID.migrate);
		const expected = orders.filter((o) => isInvoiceable(o) && o.date >= migrateRange.from && o.date <= migrateRange.to);
		expect(expected.length).toBeGreaterThan(3);
		const accounted = new Set([...report.invoices.map((i) => i.orderNumber), ...report.failedOrders.map((f) => String(f.orderNumber))]);
		for (const o of expected) expect([o.number, accounted.has(o.number)]).toEqual([o.number, true]);
		const state = await fsState(demo);
		for (const i of report.invoices) {
			const o = orders.find((x) => x.number === i.orderNumber)!;
			const invs = invoiceForOrder(state.invoices, o.number);
			expect([o.number, invs.length]).toEqual([o.number, 1]);
			expect([o.number, invoiceVsOrder(invs[0], o.canonical!)]).toEqual([o.number, []]);
		}
		// whole shop: never two invoices for one order
		const refs = state.invoices.map((i) => i.reference.line1);
		expect(new Set(refs).size).toBe(refs.length);
	});

	it('reports an invoice changed in Factuursturen as a mismatch with a fix', async () => {
		const inv = invoiceForOrder((await fsState(demo)).invoices, mismatchOrder.number)[0];
		expect(inv).toBeDefined();
		const changed = (Number(inv.totalintax) + 10).toFixed(2);
		await fsControl(demo, { mutateInvoice: { invoicenr: inv.invoicenr, patch: { totalintax: changed } } });
		const result = await executeWorkflow(home, ID.check);
		const report = reportOf(result);
		console.log(`[${ID.check}] ${formatReport(report)}`);
		expect(report.mismatched).toBe(1);
		expect(report.mismatchedOrders[0]).toMatchObject({ orderNumber: mismatchOrder.number, invoicenr: String(inv.invoicenr) });
		expect(report.mismatchedOrders[0].hint).toBeTruthy();
		// on its own branch in the run data
		expect(nodeOutput(result, N.asMismatched)).toHaveLength(1);
		expect(result.runData[N.asBooked]).toBeUndefined();
	});

	it('pacing: with a small compressed budget no request is refused for the rate limit', async () => {
		// fresh books, a budget of 60 requests per 20-second "hour"
		const reset = await fetch(`${demo.factuursturen.url}/__sandbox/reset`, { method: 'POST' });
		expect(reset.status).toBe(200);
		await fsControl(demo, { rateLimit: { budget: PACING.budget, windowMs: PACING.windowSeconds * 1000 } });
		const before = demo.factuursturen.requests.length;
		const report = await run(ID.pacing);
		const calls = fsRequestsSince(before);
		expect(calls.length).toBeGreaterThan(PACING.budget); // the run needed more than one window
		expect(calls.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
		expect(report.failedOrders.filter((f) => /rate_?limit|http_4(03|29)/i.test(String(f.code)))).toEqual([]);
		expect(report.sent).toBeGreaterThan(0);
	});
});
