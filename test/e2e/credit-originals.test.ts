/**
 * Credit notes name their original invoice without a search per credit, in a real n8n 2.41.1. The days before the
 * window are booked first (a migration of them, Factuursturen's clock on the range's last day so those invoices
 * are dated then), n8n is restarted (nothing of them remembered in its process), then the recent credit orders are
 * reprocessed: their invoice list begins the day before the earliest of them, after the originals' invoices, so only
 * the booking record knows those. Every credit whose original was invoiced names that invoice; every other is
 * reported with its fix; no search is made; no order is invoiced twice. Without the record's rows (Booked Originals
 * empty) each of them costs a search.
 */
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import type { ServerRunner } from '../../scripts/n8n';
import { formatReport, reportOf } from '../../scripts/demo/setup';
import { bookHistory } from './support/booked-history';
import { cleanUp } from './support/n8n-scratch';
import {
	fsState,
	invoiceForOrder,
	isBooked,
	shopOrders,
	type ShopOrder,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';

jest.setTimeout(10 * 60_000);

const DAYS = 14;
const TODAY = amsterdamToday();
/** the history ends 4 days ago; the credits reprocessed are at most 2 days old, so their list begins after it */
const HISTORY = { dateFrom: addDays(TODAY, -(DAYS - 1)), dateTo: addDays(TODAY, -4) };
const RECENT = addDays(TODAY, -2);
const DAY_MS = 86_400_000;

describe('credit notes in real n8n: the original invoice from the booking record, not a search', () => {
	const scratch: string[] = [];
	let demo: DemoShop;
	let runner: ServerRunner | undefined;
	/** recent credit orders whose original lies in the booked history */
	let credits: ShopOrder[];
	let orders: ShopOrder[];

	beforeAll(async () => {
		const shop = await startTemplateShop({
			seed: 23,
			orderCount: 600,
			today: TODAY,
			days: DAYS,
			lookbackDays: 3,
			newShare: 0.3,
			pendingEvery: 2,
		});
		demo = shop.demo;
		orders = shopOrders(demo);
		credits = orders.filter((c) => {
			const original = orders.find((o) => o.number === c.creditsOrderNumber);
			return (
				c.isCredit &&
				isBooked(c) &&
				c.date >= RECENT &&
				!!original &&
				original.date <= HISTORY.dateTo
			);
		});
	});

	afterAll(() => cleanUp(scratch, runner, demo?.mijnwebwinkel, demo?.factuursturen));

	it('no search for any credit; each names its original invoice or is reported with a fix', async () => {
		expect(credits.length).toBeGreaterThanOrEqual(3);
		({ runner } = await startTemplateN8n('e2e-credits-', scratch, demo, [
			e2eTemplate({
				id: 'tplE2eCreditsHist1',
				settings: { mode: 'migrate', ...HISTORY, failRunOnErrors: false },
			}),
			e2eTemplate({
				id: 'tplE2eCreditsRepr1',
				settings: {
					mode: 'reprocess',
					orderNumbers: credits.map((c) => c.number).join(', '),
					failRunOnErrors: false,
				},
			}),
		]));
		// Factuursturen dates what it books on its clock's day: the history's last day
		await bookHistory(demo, runner, 'tplE2eCreditsHist1', 3.6 * DAY_MS, 3);

		// a new process: what the nodes remember of earlier runs is gone, the booking record is not
		await runner.restart();
		const before = demo.factuursturen.requests.length;
		const report = reportOf(await runner.run('tplE2eCreditsRepr1'));
		console.log(formatReport(report));
		const calls = demo.factuursturen.requests.slice(before);
		expect(calls.filter((r) => r.path.startsWith('/api/v1/search/invoices/'))).toEqual([]);

		const { invoices } = await fsState(demo);
		let named = 0;
		for (const credit of credits) {
			const original = invoiceForOrder(invoices, credit.creditsOrderNumber!);
			const own = invoiceForOrder(invoices, credit.number);
			if (original.length === 1) {
				expect(own).toHaveLength(1);
				expect(String(own[0].reference?.line2)).toContain(
					`Creditnota op factuur ${original[0].invoicenr}`,
				);
				named++;
			} else {
				expect(original).toHaveLength(0);
				expect(own).toHaveLength(0);
				// reported with its fix: original_invoice_not_found, or a refusal of the credit itself
				expect(report.failedOrders.find((f) => f.orderNumber === credit.number)?.code).toEqual(
					expect.any(String),
				);
			}
		}
		expect(named).toBeGreaterThanOrEqual(2);
		for (const o of orders) expect(invoiceForOrder(invoices, o.number).length).toBeLessThan(2);
	});
});
