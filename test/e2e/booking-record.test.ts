/**
 * The booking record across runs, in a real n8n 2.41.1 (n8n start; the template's Data Table nodes keep one row per
 * order in n8n's own database). Day 1: the shipped template without OSS rates refuses the shop's OSS orders (and
 * some orders that stay refused: e.g. reverse charge without a VAT number); an old OSS order is reprocessed and
 * refused too. Day 2: the owner maps the OSS rates; the daily run books the OSS orders of its batch and they leave
 * the open list, while the old one (outside the daily fetch) is still listed; "reprocess open problems" books it.
 * The record is read back through n8n's public API and checked against the Factuursturen sandbox.
 */
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import type { ServerRunner } from '../../scripts/n8n';
import { formatReport, reportOf, templateVariant, type Report } from '../../scripts/demo/setup';
import { bookingRecord, type RecordRow } from './support/booking-record';
import { cleanUp } from './support/n8n-scratch';
import {
	cents,
	fsState,
	inLookback,
	invoiceForOrder,
	isBooked,
	isInvoiceable,
	shopOrders,
	type ShopOrder,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';

jest.setTimeout(15 * 60_000);

const LOOKBACK = 3;
/** the fix of day 2: the OSS rates the (sandbox) Factuursturen account holds; orders to other OSS countries stay refused */
const OSS_COUNTRIES = ['BE', 'DE', 'FR', 'AT'];
/** an OSS order (not a return) that the day-2 mapping can book */
const fixableOss = (o: ShopOrder): boolean =>
	o.refusal === null &&
	!o.isCredit &&
	o.canonical?.vat.regime === 'oss' &&
	OSS_COUNTRIES.includes(String(o.canonical.vat.taxCountry));
const ID = {
	day1: 'recDay1Daily00001',
	day1Old: 'recDay1Reprocess1',
	day2: 'recDay2Daily00001',
	day2Open: 'recDay2OpenProbs1',
};

describe('booking record: what was booked, when, and what still needs a hand', () => {
	let demo: DemoShop;
	let runner: ServerRunner;
	let orders: ShopOrder[];
	let batch: ShopOrder[];
	let oldOss: ShopOrder;
	const scratch: string[] = [];

	beforeAll(async () => {
		const shop = await startTemplateShop({
			seed: 23,
			orderCount: 160,
			today: amsterdamToday(),
			days: 14,
			lookbackDays: LOOKBACK,
			newShare: 0.3,
			pendingEvery: 2,
		});
		demo = shop.demo;
		orders = shopOrders(demo);
		batch = orders.filter((o) => isBooked(o) && inLookback(o, LOOKBACK));
		oldOss = orders.find((o) => isInvoiceable(o) && fixableOss(o) && !inLookback(o, LOOKBACK + 1))!;
		expect(oldOss).toBeDefined();
		expect(batch.filter(fixableOss).length).toBeGreaterThan(0);

		({ runner } = await startTemplateN8n('e2e-record-', scratch, demo, [
			templateVariant({ id: ID.day1, settings: { mode: 'daily', lookbackDays: LOOKBACK } }),
			templateVariant({
				id: ID.day1Old,
				settings: { mode: 'reprocess', orderNumbers: oldOss.number },
			}),
			// day 2: the OSS rates mapped
			e2eTemplate({ id: ID.day2, settings: { mode: 'daily', lookbackDays: LOOKBACK } }),
			e2eTemplate({ id: ID.day2Open, settings: { mode: 'reprocess open problems' } }),
		]));
	});

	afterAll(() => cleanUp(scratch, runner, demo));

	async function run(id: string): Promise<Report> {
		// runs with refused orders end in error after their Report (failRunOnErrors), as they should
		const report = reportOf(await runner.run(id, { allowFailure: true }));
		console.log(`[${id}] ${formatReport(report)}`);
		return report;
	}

	const byNumber = (rows: RecordRow[]) => new Map(rows.map((r) => [r.orderNumber, r]));

	/** every row's invoice is the sandbox's one invoice for that order, with the order's amount */
	async function expectBookedRowsMatchTheBooks(rows: RecordRow[]): Promise<void> {
		const { invoices } = await fsState(demo);
		for (const r of rows.filter((x) => x.bookedAt !== null)) {
			const invs = invoiceForOrder(invoices, r.orderNumber);
			expect([r.orderNumber, invs.length]).toEqual([r.orderNumber, 1]);
			expect([r.orderNumber, r.invoiceNumber]).toEqual([r.orderNumber, String(invs[0].invoicenr)]);
			const order = orders.find((o) => o.number === r.orderNumber)!;
			expect([r.orderNumber, r.amount === null ? null : cents(r.amount)]).toEqual([
				r.orderNumber,
				order.canonical!.totals.inclCents,
			]);
			expect([r.orderNumber, r.openProblem]).toEqual([r.orderNumber, r.outcome === 'mismatched']);
		}
	}

	let day1Problems: string[] = [];

	it('day 1: one row per order of the batch; refusals are open problems with code and fix, oldest first', async () => {
		const report = await run(ID.day1);
		const rows = await bookingRecord(runner);
		const rec = byNumber(rows);
		expect(rows).toHaveLength(rec.size); // one row per order
		for (const o of batch) expect([o.number, rec.has(o.number)]).toEqual([o.number, true]);
		const invoiced = new Set(report.invoices.map((i) => i.orderNumber));
		for (const o of batch) {
			const r = rec.get(o.number)!;
			if (invoiced.has(o.number)) {
				expect([o.number, r.outcome, r.bookedAt !== null, r.openProblem]).toEqual([
					o.number,
					'sent',
					true,
					false,
				]);
				expect([o.number, r.paid]).toEqual([
					o.number,
					report.invoices.find((i) => i.orderNumber === o.number)!.paid,
				]);
			} else {
				const f = report.failedOrders.find((x) => x.orderNumber === o.number)!;
				expect(f).toBeDefined();
				expect([o.number, r.outcome, r.code, r.fix, r.openProblem, r.bookedAt]).toEqual([
					o.number,
					expect.stringMatching(/^(refused|failed)$/),
					f.code,
					f.hint,
					true,
					null,
				]);
				expect([o.number, r.firstTried, r.attempts]).toEqual([o.number, r.lastTried, 1]);
			}
			expect([o.number, r.orderDate]).toEqual([o.number, o.date]);
		}
		// the shop's OSS orders are refused as refusals (the mapping), with the key to add
		const ossRows = batch
			.filter((o) => o.refusal === null && !o.isCredit && o.canonical?.vat.regime === 'oss')
			.map((o) => rec.get(o.number)!);
		for (const r of ossRows)
			expect([r.orderNumber, r.outcome, r.code, r.fix]).toEqual([
				r.orderNumber,
				'refused',
				'unmapped_oss_rate',
				expect.stringContaining('ossVatRates'),
			]);
		// the report lists every open problem of the record
		day1Problems = rows.filter((r) => r.openProblem).map((r) => r.orderNumber);
		expect(day1Problems.length).toBeGreaterThan(ossRows.length);
		expect(report.openProblems.map((p) => p.orderNumber).sort()).toEqual([...day1Problems].sort());
		await expectBookedRowsMatchTheBooks(rows);
	});

	it('day 1, later: an old order reprocessed and refused joins the open list, after the earlier ones', async () => {
		const report = await run(ID.day1Old);
		expect(report.failedOrders.map((f) => f.orderNumber)).toEqual([oldOss.number]);
		const open = report.openProblems.map((p) => p.orderNumber);
		expect(open[open.length - 1]).toBe(oldOss.number);
		expect(open.slice(0, -1).sort()).toEqual([...day1Problems].sort());
		const firsts = report.openProblems.map((p) => p.firstTried);
		expect([...firsts].sort()).toEqual(firsts); // oldest first
	});

	it('day 2, OSS rates mapped: the daily run books the OSS orders, they leave the list; the old problem (not in the daily fetch) stays listed', async () => {
		const before = byNumber(await bookingRecord(runner));
		const report = await run(ID.day2);
		const rows = await bookingRecord(runner);
		const rec = byNumber(rows);
		const ossInBatch = batch.filter(fixableOss).map((o) => o.number);
		expect(ossInBatch.length).toBeGreaterThan(0);
		for (const n of ossInBatch) {
			const r = rec.get(n)!;
			expect([n, r.outcome, r.openProblem, r.code, r.fix]).toEqual([n, 'sent', false, null, null]);
			// the first attempt (day 1) is kept; booked now
			expect([n, r.firstTried, r.attempts]).toEqual([n, before.get(n)!.firstTried, 2]);
			expect(Date.parse(r.bookedAt!)).toBeGreaterThan(Date.parse(before.get(n)!.lastTried));
		}
		const open = report.openProblems.map((p) => p.orderNumber);
		for (const n of ossInBatch) expect(open).not.toContain(n);
		expect(open).toContain(oldOss.number);
		// still open: the old one and what day 1 could not book for another reason
		expect([...open].sort()).toEqual(
			rows
				.filter((r) => r.openProblem)
				.map((r) => r.orderNumber)
				.sort(),
		);
		// booked on day 1, adopted on day 2: the record still says sent, booked on day 1
		const sentDay1 = [...before.values()].filter((r) => r.outcome === 'sent');
		for (const r of sentDay1)
			expect([
				r.orderNumber,
				rec.get(r.orderNumber)!.outcome,
				rec.get(r.orderNumber)!.bookedAt,
			]).toEqual([r.orderNumber, 'sent', r.bookedAt]);
		await expectBookedRowsMatchTheBooks(rows);
	});

	it('day 2: "reprocess open problems" books the old order; what cannot be booked stays, tried once more', async () => {
		const before = byNumber(await bookingRecord(runner));
		const stillOpen = [...before.values()].filter((r) => r.openProblem);
		const report = await run(ID.day2Open);
		expect(report.mode).toBe('reprocess open problems');
		expect(report.invoices).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ orderNumber: oldOss.number, outcome: 'sent' }),
			]),
		);
		// only open problems were tried
		const tried = new Set([
			...report.invoices.map((i) => i.orderNumber),
			...report.failedOrders.map((f) => String(f.orderNumber)),
			...report.skippedOrders.map((f) => String(f.orderNumber)),
		]);
		expect([...tried].sort()).toEqual(stillOpen.map((r) => r.orderNumber).sort());
		const rows = await bookingRecord(runner);
		const rec = byNumber(rows);
		expect(rec.get(oldOss.number)).toMatchObject({
			outcome: 'sent',
			openProblem: false,
			firstTried: before.get(oldOss.number)!.firstTried,
			attempts: 2,
		});
		const open = report.openProblems.map((p) => p.orderNumber);
		expect(open).not.toContain(oldOss.number);
		expect([...open].sort()).toEqual(
			rows
				.filter((r) => r.openProblem)
				.map((r) => r.orderNumber)
				.sort(),
		);
		for (const r of stillOpen)
			expect([r.orderNumber, rec.get(r.orderNumber)!.attempts]).toEqual([
				r.orderNumber,
				r.attempts + 1,
			]);
		for (const n of open) expect(stillOpen.map((r) => r.orderNumber)).toContain(n);
		await expectBookedRowsMatchTheBooks(rows);
		// never two invoices for one order
		const refs = (await fsState(demo)).invoices.map((i) => i.reference.line1);
		expect(new Set(refs).size).toBe(refs.length);
	});
});
