/**
 * The bundled template in a real n8n 2.41.1: packed package installed as a community package, credentials pointing
 * at both sandboxes (one seeded shop), the template imported with `n8n import:*` and run inside `n8n start` from
 * its Run now trigger (its booking record is a Data Table, which `n8n execute` cannot use: scripts/n8n/server-run.ts).
 * Everything is judged from the sandboxes' state and request logs, against expectations computed with core/.
 * One n8n home and one sandbox pair serve all runs (each n8n command costs 10–20 s here); the tests run in order.
 */
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../sandbox/mijnwebwinkel';
import { nodeOutput, type ServerRunner } from '../../scripts/n8n';
import {
	formatReport,
	mijnwebwinkelCredential,
	N,
	SAMPLE_ACCOUNT_OSS_VAT_RATES,
	reportOf,
	templateVariant,
	type Report,
} from '../../scripts/demo/setup';
import { cleanUp } from './support/n8n-scratch';
import {
	fsControl,
	cents,
	fsState,
	inLookback,
	invoiceForOrder,
	invoiceVsOrder,
	isBooked,
	isInvoiceable,
	shopOrders,
	shouldBePaid,
	type FsClient,
	type ShopOrder,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';
import { buildInvoice, ROUNDING_LINE_DESCRIPTION } from '../../core/factuursturen/invoice-builder';
import { parseMapping } from '../../core/factuursturen/invoice-mapping';
import { INVOICEABLE_STATUSES } from '../../workflows/mijnwebwinkel-to-factuursturen';

jest.setTimeout(15 * 60_000);

const SEED = 11;
const TODAY = amsterdamToday();
const LOOKBACK = 3;
const ID = {
	daily: 'tplE2eDaily000001',
	reprocess: 'tplE2eReprocess01',
	migrate: 'tplE2eMigrate0001',
	check: 'tplE2eMismatch001',
	pacing: 'tplE2ePacing00001',
	empty: 'tplE2eEmptyDay001',
	afgehandeld: 'tplE2eAfgehandeld1',
};
const PACING = { budget: 60, windowSeconds: 20 };
/** the API-economy case: a daily batch in which 30 % of the customers are new debtors */
const NEW_SHARE = 0.3;
/**
 * the same mapping as the core reads it: the template's VAT rates are the defaults; its OSS rates, a realistic setup,
 * those the (sandbox) Factuursturen account holds, set in Run settings (e2eTemplate)
 */
const TEMPLATE_MAPPING = parseMapping({ ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES });
const EMPTY_SHOP_CREDENTIAL = {
	id: 'mwwEmptyShopCred01',
	name: 'Mijnwebwinkel shop without orders',
};

/** "GET /api/v1/clients", "POST /api/v1/invoices", … with ids folded */
const route = (r: { method: string; path: string }): string =>
	`${r.method} ${r.path.replace(/\/\d[^/]*/g, '/:id')}`;

describe('template mijnwebwinkel-to-factuursturen in real n8n', () => {
	let demo: DemoShop;
	let runner: ServerRunner;
	let orders: ShopOrder[];
	let dailyBatch: ShopOrder[];
	let reprocessOrder: ShopOrder;
	let notInvoiceableOrder: ShopOrder;
	/** an order in a status the template does not book by default, booked once the user adds it in Run settings */
	let afgehandeldOrder: ShopOrder;
	let mismatchOrder: ShopOrder;
	/** a credit of the daily batch whose original is outside it (not invoiced by the daily run), and that original */
	let creditFix: { credit: ShopOrder; original: ShopOrder };
	let migrateRange: { from: string; to: string };
	let initialClients: FsClient[];
	let pendingOrders: string[];
	let emptyShop: RunningMijnwebwinkelSandbox;
	const scratch: string[] = [];
	/** order number → outcome of every run so far */
	const invoicedOrFailed = new Map<string, string>();
	/** the last run's node runs, by node name */
	let lastRunData: Record<string, unknown[]> = {};

	const fsRequestsSince = (from: number) => demo.factuursturen.requests.slice(from);

	beforeAll(async () => {
		// a shop that booked most of these customers by hand before (30 % of the batch's customers are new), with some
		// orders shipped on account (bank transfer pending: invoiced open)
		const shop = await startTemplateShop({
			seed: SEED,
			orderCount: 300,
			today: TODAY,
			days: 14,
			lookbackDays: LOOKBACK,
			newShare: NEW_SHARE,
			pendingEvery: 2,
		});
		demo = shop.demo;
		pendingOrders = shop.pendingOrders;
		emptyShop = await startMijnwebwinkelSandbox({ orders: [], port: 0 });
		orders = shopOrders(demo);
		dailyBatch = orders.filter((o) => isBooked(o) && inLookback(o, LOOKBACK));
		expect(pendingOrders.length).toBeGreaterThan(0);
		initialClients = (await fsState(demo)).clients;

		const older = orders.filter(
			(o) => isInvoiceable(o) && o.canonical && !inLookback(o, LOOKBACK + 1),
		);
		migrateRange = { from: addDays(TODAY, -13), to: addDays(TODAY, -11) };
		const inRange = (o: ShopOrder) => o.date >= migrateRange.from && o.date <= migrateRange.to;
		reprocessOrder = older.find((o) => !inRange(o) && o.canonical!.vat.regime === 'domestic')!;
		notInvoiceableOrder = orders.find((o) => !o.isTest && o.statusName === 'Geannuleerd')!;
		afgehandeldOrder = orders.find(
			(o) =>
				!o.isTest &&
				o.statusName === 'Afgehandeld' &&
				o.refusal === null &&
				o.canonical?.vat.regime === 'domestic',
		)!;
		expect(afgehandeldOrder).toBeDefined();
		mismatchOrder = dailyBatch.find((o) => o.canonical?.vat.regime === 'domestic')!;
		expect(reprocessOrder && notInvoiceableOrder && mismatchOrder).toBeTruthy();
		// the fix the report suggests for a credit whose original was never invoiced: reprocess the original, then the credit
		const fixable = dailyBatch
			.filter((o) => o.isCredit && o.canonical !== null)
			.map((credit) => ({
				credit,
				original: orders.find((x) => x.number === credit.creditsOrderNumber)!,
			}))
			.find(
				({ original }) =>
					original &&
					isInvoiceable(original) &&
					original.canonical?.vat.regime === 'domestic' &&
					!inLookback(original, LOOKBACK) &&
					!inRange(original) &&
					original.number !== reprocessOrder.number,
			);
		expect(fixable).toBeDefined();
		creditFix = fixable!;

		({ runner } = await startTemplateN8n(
			'e2e-template-',
			scratch,
			demo,
			[
				e2eTemplate({
					id: ID.daily,
					settings: { mode: 'daily', lookbackDays: LOOKBACK },
				}),
				e2eTemplate({
					id: ID.reprocess,
					settings: {
						mode: 'reprocess',
						orderNumbers: `${reprocessOrder.number}, ${notInvoiceableOrder.number}, ${creditFix.original.number}, ${creditFix.credit.number}`,
					},
				}),
				e2eTemplate({
					id: ID.migrate,
					settings: {
						mode: 'migrate',
						dateFrom: migrateRange.from,
						dateTo: migrateRange.to,
					},
				}),
				e2eTemplate({
					id: ID.check,
					settings: { mode: 'reprocess', orderNumbers: mismatchOrder.number },
				}),
				e2eTemplate({
					id: ID.pacing,
					settings: { mode: 'daily', lookbackDays: LOOKBACK },
					requestOptions: { rateLimitWindowSeconds: PACING.windowSeconds },
				}),
				e2eTemplate({
					id: ID.afgehandeld,
					settings: {
						mode: 'reprocess',
						orderNumbers: afgehandeldOrder.number,
						invoiceableStatuses: [...INVOICEABLE_STATUSES, 'Afgehandeld'],
					},
				}),
				// the shipped template as it is (no OSS rates), on a shop with no orders
				templateVariant({
					id: ID.empty,
					settings: { mode: 'daily', lookbackDays: LOOKBACK },
					mijnwebwinkelCredential: EMPTY_SHOP_CREDENTIAL,
				}),
			],
			[mijnwebwinkelCredential(emptyShop, EMPTY_SHOP_CREDENTIAL)],
		));
	});

	afterAll(() => cleanUp(scratch, runner, demo, emptyShop));

	async function run(id: string): Promise<Report> {
		const result = await runner.run(id, { allowFailure: true });
		lastRunData = result.runData as Record<string, unknown[]>;
		const report = reportOf(result);
		console.log(`[${id}] ${formatReport(report)}`);
		// failRunOnErrors (on in the template): a run with failed or mismatched orders, duplicates or a failed fetch ends
		// in error after its Report, so n8n lists it as failed; a clean run succeeds
		expect(report.ok).toBe(
			report.failed + report.mismatched + report.duplicates === 0 && report.fetchComplete,
		);
		const problems = report.ok ? 0 : 1;
		expect([id, result.status, problems > 0 ? result.error?.node?.name : undefined]).toEqual([
			id,
			problems > 0 ? 'error' : 'success',
			problems > 0 ? N.runFailed : undefined,
		]);
		// the readable summary names every order that needs attention
		for (const o of [...report.failedOrders, ...report.mismatchedOrders])
			expect(report.summary).toContain(`order ${o.orderNumber}`);
		for (const i of report.invoices) invoicedOrFailed.set(i.orderNumber, 'invoiced');
		return report;
	}

	it('daily run: every invoiceable order invoiced once (paid when known paid, else open), problems reported with a fix, ≤ 1.4 calls per invoice', async () => {
		const before = demo.factuursturen.requests.length;
		const report = await run(ID.daily);
		const calls = fsRequestsSince(before);

		// every order of the batch is accounted for: invoiced, or failed with its stage, code, reason and a fix
		// (whatever the refusal: the codes grow, the contract does not)
		const failed = new Map(report.failedOrders.map((f) => [String(f.orderNumber), f]));
		for (const f of report.failedOrders)
			expect([f.orderNumber, f.stage, f.code, f.reason, f.hint].every(Boolean)).toBe(true);
		const invoiced = new Set(report.invoices.map((i) => i.orderNumber));
		for (const o of dailyBatch) {
			expect([o.number, invoiced.has(o.number) !== failed.has(o.number)]).toEqual([o.number, true]);
			if (o.refusal !== null)
				expect([o.number, failed.get(o.number)?.code]).toEqual([o.number, o.refusal.code]);
		}
		expect(report.sent).toBe(invoiced.size);
		expect(report.sent + report.failed).toBe(dailyBatch.length);
		// with the budget far from spent the orders go through the loop in rounds of 10, not one by one (the Loop Over
		// Items node also runs once to say it is done)
		const rounds = lastRunData['Per order'].length;
		expect(rounds).toBeLessThanOrEqual(Math.ceil(dailyBatch.length / 10) + 2);
		expect(report.mismatched).toBe(0);
		// refused orders need a person: the run is not green, but the fetch covered the day and nothing is doubled
		expect(report).toMatchObject({
			ok: report.failed === 0,
			duplicates: 0,
			duplicateInvoices: [],
			outcomeUnknown: 0,
			fetchComplete: true,
		});
		// reverse charge without a VAT number is never booked
		const rcNoVat = dailyBatch.filter(
			(o) =>
				o.canonical?.vat.regime === 'intra_eu_reverse_charge' && !o.canonical.customer.vatNumber,
		);
		for (const o of rcNoVat) expect([o.number, failed.has(o.number)]).toEqual([o.number, true]);

		// the sandbox's books: one invoice per invoiced order, amounts and VAT per rate as the order,
		// paid (open 0) when the order is known paid, else open for the whole total
		const state = await fsState(demo);
		for (const o of dailyBatch.filter((x) => invoiced.has(x.number))) {
			const invs = invoiceForOrder(state.invoices, o.number);
			expect([o.number, invs.length]).toEqual([o.number, 1]);
			expect([o.number, invoiceVsOrder(invs[0], o.canonical!)]).toEqual([o.number, []]);
		}
		for (const o of dailyBatch.filter((x) => failed.has(x.number)))
			expect(invoiceForOrder(state.invoices, o.number)).toHaveLength(0);
		// returns: a credit whose original is invoiced gets exactly one credit invoice (negative total = the credit order's)
		// naming the original invoice; a credit whose original has no invoice is reported with a code, never booked
		const credits = dailyBatch.filter((o) => o.isCredit);
		let creditsBooked = 0;
		let creditsRefused = 0;
		for (const c of credits.filter((x) => x.canonical !== null)) {
			expect([c.number, c.canonical!.status.isCredit, c.canonical!.totals.inclCents < 0]).toEqual([
				c.number,
				true,
				true,
			]);
			const originalInvs = invoiceForOrder(state.invoices, c.creditsOrderNumber!);
			const creditInvs = invoiceForOrder(state.invoices, c.number);
			if (originalInvs.length === 1) {
				creditsBooked++;
				expect([c.number, invoiced.has(c.number), creditInvs.length]).toEqual([c.number, true, 1]);
				expect([c.number, cents(creditInvs[0].totalintax)]).toEqual([
					c.number,
					c.canonical!.totals.inclCents,
				]);
				expect([c.number, String((creditInvs[0].reference as { line2?: string }).line2)]).toEqual([
					c.number,
					expect.stringContaining(`Creditnota op factuur ${originalInvs[0].invoicenr}`),
				]);
			} else {
				creditsRefused++;
				expect([c.number, creditInvs.length, failed.has(c.number)]).toEqual([c.number, 0, true]);
				const f = failed.get(c.number)!;
				expect([c.number, f.code]).toEqual([c.number, expect.stringMatching(/^[a-z_]+$/)]);
				// an original that is invoiceable and was not refused: the credit waits for its invoice
				if (
					orders.find(
						(x) => x.number === c.creditsOrderNumber && isInvoiceable(x) && x.refusal === null,
					)
				) {
					expect([c.number, f.code, String(f.hint)]).toEqual([
						c.number,
						'original_invoice_not_found',
						expect.stringContaining(c.creditsOrderNumber!),
					]);
				}
			}
		}
		console.log(
			`credit orders in the batch: ${credits.length}; booked as credit invoices: ${creditsBooked}; reported: ${creditsRefused}`,
		);
		expect(creditsBooked).toBeGreaterThan(0);
		expect(creditsRefused).toBeGreaterThan(0);

		const expectOpen = dailyBatch
			.filter((o) => invoiced.has(o.number) && !shouldBePaid(o.canonical!))
			.map((o) => o.number);
		expect(expectOpen.length).toBeGreaterThan(0);
		expect(expectOpen.every((n) => pendingOrders.includes(n))).toBe(true);
		expect(report.openInvoices).toBe(expectOpen.length);
		expect(report.paidInvoices).toBe(report.sent - expectOpen.length);
		expect(
			report.invoices
				.filter((i) => !i.paid)
				.map((i) => i.orderNumber)
				.sort(),
		).toEqual([...expectOpen].sort());

		// debtors: existing ones untouched, new ones created once per e-mail
		expect(
			calls.filter(
				(r) => r.path.startsWith('/api/v1/clients') && r.method !== 'GET' && r.method !== 'POST',
			),
		).toEqual([]);
		// (lastinvoice is kept by Factuursturen itself when an invoice is booked on the debtor)
		const asEntered = (c: FsClient | undefined) => (c ? { ...c, lastinvoice: undefined } : c);
		for (const c of initialClients)
			expect(
				asEntered(state.clients.find((x) => String(x.clientnr) === String(c.clientnr))),
			).toEqual(asEntered(c));
		const emails = state.clients.map((c) => String(c.email).trim().toLowerCase()).filter(Boolean);
		expect(new Set(emails).size).toBe(emails.length);
		const created = calls.filter((r) => r.method === 'POST' && r.path === '/api/v1/clients').length;
		const knownBefore = new Set(initialClients.map((c) => String(c.email).trim().toLowerCase()));
		// orders the Mijnwebwinkel node refuses never reach the debtor step
		// and a debtor the node refuses to create (e.g. reverse charge without a VAT number) is not created
		const refusedAtDebtor = new Set(
			report.failedOrders.filter((f) => f.stage === 'debtor').map((f) => String(f.orderNumber)),
		);
		const reachDebtors = dailyBatch.filter(
			(o) => o.canonical !== null && !refusedAtDebtor.has(o.number),
		);
		expect(created).toBe(
			new Set(reachDebtors.map((o) => o.email).filter((e) => !knownBefore.has(e))).size,
		);

		// a refused order leaves nothing behind: every debtor this run created carries an invoice
		const newClients = state.clients.filter(
			(c) => !initialClients.some((x) => String(x.clientnr) === String(c.clientnr)),
		);
		expect(newClients.length).toBe(created);
		for (const c of newClients)
			expect([
				c.email,
				state.invoices.some((i) => String(i.clientnr) === String(c.clientnr)),
			]).toEqual([c.email, true]);
		console.log(
			`refused before a debtor was written: ${
				report.failedOrders
					.filter((f) => f.stage === 'debtor')
					.map((f) => f.code)
					.join(', ') || 'none'
			}`,
		);

		// rounding lines: new consumer debtors are intax, and no invoice carries a rounding line that an intax debtor
		// makes unnecessary (the intax build of the same order has none)
		let roundingInvoices = 0;
		for (const o of dailyBatch.filter((x) => invoiced.has(x.number))) {
			const inv = invoiceForOrder(state.invoices, o.number)[0];
			const client = state.clients.find((c) => String(c.clientnr) === String(inv.clientnr))!;
			const isNew = newClients.includes(client);
			const consumer = !client.company && !client.taxnumber;
			if (isNew && consumer) expect([o.number, client.tax_type]).toEqual([o.number, 'intax']);
			const rounding = Object.values(inv.lines as Record<string, { description: string }>).some(
				(l) => l.description === ROUNDING_LINE_DESCRIPTION,
			);
			if (!rounding) continue;
			roundingInvoices++;
			if (client.tax_type !== 'intax' && !(isNew && consumer)) continue; // an extax debtor the owner chose, or a business
			const intax = buildInvoice(
				o.canonical!,
				{
					clientnr: String(client.clientnr),
					tax_type: 'intax',
					tax_shifted: client.tax_shifted === 'true',
				},
				TEMPLATE_MAPPING,
				o.canonical!.status.isCredit ? { originalInvoiceNumber: 'x' } : {},
			);
			expect([
				o.number,
				intax.lines.some((l) => l.description === ROUNDING_LINE_DESCRIPTION),
			]).toEqual([o.number, true]);
		}
		console.log(`rounding lines: ${roundingInvoices} of ${invoiced.size} invoices`);

		// API economy: one list per bulk step, one create per invoice, one create per new debtor
		const perInvoice = calls.length / report.sent;
		const batchCustomers = new Set(
			dailyBatch.filter((o) => o.canonical !== null).map((o) => o.email),
		).size;
		const newShare = created / batchCustomers;
		const perRoute = new Map<string, number>();
		for (const r of calls) perRoute.set(route(r), (perRoute.get(route(r)) ?? 0) + 1);
		console.log(
			`Factuursturen calls: ${calls.length} for ${report.sent} invoices = ${perInvoice.toFixed(3)} per invoiced order ` +
				`(${created} new debtors = ${(newShare * 100).toFixed(0)} % of the batch's ${batchCustomers} customers; ${report.failed} orders refused; ` +
				`${report.paidInvoices} paid, ${report.openInvoices} open)\n` +
				[...perRoute].map(([k, n]) => `  ${k}: ${n}`).join('\n'),
		);
		expect(Math.abs(newShare - NEW_SHARE)).toBeLessThanOrEqual(0.03);
		// no look-up is repeated per order. The bulk lists: the client list once, read until a page proves its end (the
		// sandbox, like the documented list, ignores count, so a list of more than a page costs one more request that
		// shows nothing new); the invoice list for the duplicate check, with at most one stretch further back for the
		// originals of credit orders (dated by Mijnwebwinkel), and once more for the read-back
		const bulk: Record<string, number> = { 'GET /api/v1/invoices': 3, 'GET /api/v1/clients': 2 };
		expect([...perRoute].filter(([k, n]) => k.startsWith('GET ') && n > (bulk[k] ?? 1))).toEqual(
			[],
		);
		// a credit note names its original invoice from the list, the booking record or this run: never a search
		const creditOrders = dailyBatch.filter((o) => o.canonical?.status.isCredit).length;
		const creditLookups = calls.filter(
			(r) => r.method === 'GET' && r.path.startsWith('/api/v1/search/invoices/'),
		).length;
		console.log(`${creditOrders} credit orders, ${creditLookups} original-invoice searches`);
		expect(creditLookups).toBe(0);
		expect(perInvoice).toBeLessThanOrEqual(1.4);

		// nothing else was touched: no order was changed in the shop, no test or other-status order invoiced
		expect(demo.mijnwebwinkel.requests.filter((r) => r.method !== 'GET')).toEqual([]);
		const refs = new Set(state.invoices.map((i) => i.reference.line1));
		for (const o of orders.filter((x) => !isBooked(x)))
			expect(invoiceForOrder(state.invoices, o.number)).toHaveLength(0);
		expect(refs.size).toBe(state.invoices.length);
	});

	it('a day without orders still ends with one Report saying 0, without a Factuursturen call', async () => {
		const before = demo.factuursturen.requests.length;
		const report = await run(ID.empty);
		expect(report).toMatchObject({
			mode: 'daily',
			sent: 0,
			adopted: 0,
			skipped: 0,
			failed: 0,
			mismatched: 0,
			paidInvoices: 0,
			openInvoices: 0,
		});
		expect(report).toMatchObject({
			ok: true,
			duplicates: 0,
			outcomeUnknown: 0,
			fetchComplete: true,
		});
		expect(report.invoices).toEqual([]);
		expect(report.failedOrders).toEqual([]);
		expect(emptyShop.requests.length).toBeGreaterThan(0); // it did ask the (empty) shop
		expect(fsRequestsSince(before)).toEqual([]);
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

	it('reprocess by order number: invoices an order outside the lookback, skips a cancelled one with its reason, books a credit after its original', async () => {
		const report = await run(ID.reprocess);
		expect(report.invoices).toHaveLength(3);
		expect(report.invoices).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ orderNumber: reprocessOrder.number, outcome: 'sent' }),
				expect.objectContaining({ orderNumber: creditFix.original.number, outcome: 'sent' }),
				expect.objectContaining({ orderNumber: creditFix.credit.number, outcome: 'sent' }),
			]),
		);
		expect(report.failedOrders).toEqual([]);
		expect(report.skippedOrders).toEqual([
			expect.objectContaining({
				orderNumber: notInvoiceableOrder.number,
				code: 'status_not_invoiceable',
			}),
		]);
		const state = await fsState(demo);
		const invs = invoiceForOrder(state.invoices, reprocessOrder.number);
		expect(invs).toHaveLength(1);
		expect(invoiceVsOrder(invs[0], reprocessOrder.canonical!)).toEqual([]);
		expect(invoiceForOrder(state.invoices, notInvoiceableOrder.number)).toHaveLength(0);
		// the credit that waited for its original (reported in the daily run) is now a credit invoice naming it
		const [original] = invoiceForOrder(state.invoices, creditFix.original.number);
		const credit = invoiceForOrder(state.invoices, creditFix.credit.number);
		expect(credit).toHaveLength(1);
		expect(cents(credit[0].totalintax)).toBe(creditFix.credit.canonical!.totals.inclCents);
		expect(String((credit[0].reference as { line2?: string }).line2)).toContain(
			`Creditnota op factuur ${original.invoicenr}`,
		);
	});

	it('a status added in Run settings (Afgehandeld) is booked: set in one place, followed by every node', async () => {
		expect(invoiceForOrder((await fsState(demo)).invoices, afgehandeldOrder.number)).toHaveLength(
			0,
		);
		const report = await run(ID.afgehandeld);
		expect(report.skippedOrders).toEqual([]);
		expect(report.invoices).toEqual([
			expect.objectContaining({ orderNumber: afgehandeldOrder.number, outcome: 'sent' }),
		]);
		const invs = invoiceForOrder((await fsState(demo)).invoices, afgehandeldOrder.number);
		expect(invs).toHaveLength(1);
		expect(invoiceVsOrder(invs[0], afgehandeldOrder.canonical!)).toEqual([]);
	});

	it('migrate a date range: every invoiceable order placed in it is invoiced once (earlier ones adopted)', async () => {
		const report = await run(ID.migrate);
		const expected = orders.filter(
			(o) => isBooked(o) && o.date >= migrateRange.from && o.date <= migrateRange.to,
		);
		expect(expected.length).toBeGreaterThan(3);
		const accounted = new Set([
			...report.invoices.map((i) => i.orderNumber),
			...report.failedOrders.map((f) => String(f.orderNumber)),
		]);
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
		await fsControl(demo, {
			mutateInvoice: { invoicenr: inv.invoicenr, patch: { totalintax: changed } },
		});
		const result = await runner.run(ID.check, { allowFailure: true });
		const report = reportOf(result);
		expect(result.error?.node?.name).toBe(N.runFailed); // a mismatch ends the run in error (failRunOnErrors)
		console.log(`[${ID.check}] ${formatReport(report)}`);
		expect(report.mismatched).toBe(1);
		expect(report.mismatchedOrders[0]).toMatchObject({
			orderNumber: mismatchOrder.number,
			invoicenr: String(inv.invoicenr),
		});
		expect(report.mismatchedOrders[0].hint).toBeTruthy();
		// on its own branch in the run data
		expect(nodeOutput(result, N.asMismatched)).toHaveLength(1);
		expect(result.runData[N.asBooked]).toBeUndefined();
		expect(report.ok).toBe(false);
	});

	it('an order invoiced twice (by hand, or before this package) is listed with the invoice to credit, and the run is not green', async () => {
		const [kept] = invoiceForOrder((await fsState(demo)).invoices, mismatchOrder.number);
		const auth = Buffer.from(
			`${demo.factuursturen.username}:${demo.factuursturen.apiKey}`,
		).toString('base64');
		const res = await fetch(`${demo.factuursturen.baseUrl}/invoices`, {
			method: 'POST',
			headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				clientnr: kept.clientnr,
				action: 'send',
				sendmethod: 'mail',
				reference: kept.reference,
				lines: [{ amount: 1, description: 'x', tax_rate: 21, price: 10 }],
			}),
		});
		expect(res.status).toBe(201);
		const second = (await res.text()).trim();
		const report = await run(ID.check);
		expect(report.duplicates).toBe(1);
		expect(report.duplicateInvoices).toEqual([
			expect.objectContaining({
				orderNumber: mismatchOrder.number,
				keep: String(kept.invoicenr),
				credit: [second],
				hint: expect.stringContaining(`credit ${second}`),
			}),
		]);
		expect(report.ok).toBe(false);
		// nothing was created for it
		expect(invoiceForOrder((await fsState(demo)).invoices, mismatchOrder.number)).toHaveLength(2);
	});

	it('pacing: with a small compressed budget no request is refused for the rate limit', async () => {
		// fresh books, a budget of 60 requests per 20-second "hour"
		const reset = await fetch(`${demo.factuursturen.url}/__sandbox/reset`, { method: 'POST' });
		expect(reset.status).toBe(200);
		await fsControl(demo, {
			rateLimit: { budget: PACING.budget, windowMs: PACING.windowSeconds * 1000 },
		});
		const before = demo.factuursturen.requests.length;
		const report = await run(ID.pacing);
		const calls = fsRequestsSince(before);
		expect(calls.length).toBeGreaterThan(PACING.budget); // the run needed more than one window
		expect(calls.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
		expect(
			report.failedOrders.filter((f) => /rate_?limit|http_4(03|29)/i.test(String(f.code))),
		).toEqual([]);
		expect(report.sent).toBeGreaterThan(0);
	});
});
