/**
 * Credit notes name their original invoice without a search per credit, in a real n8n 2.41.1. The days before the
 * window are booked first (a migration of them, Factuursturen's clock on the range's last day so those invoices
 * are dated then); then the recent credit orders are reprocessed, their invoice list beginning the day before the
 * earliest of them, after the originals' invoices:
 * - on a new n8n whose booking record is empty (the first day: the originals were booked by something else), half
 *   of them: the originals' dates are read from Mijnwebwinkel and the one invoice list reaches back to them;
 * - after a restart of the n8n that booked the history (nothing of it remembered in its process), the other half:
 *   the booking record knows the originals, and Mijnwebwinkel is not asked.
 * Either way every credit whose original was invoiced names that invoice; every other is reported with its fix; no
 * search is made; no order is invoiced twice.
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

describe('credit notes in real n8n: the original invoice from the list or the booking record, not a search', () => {
	const scratch: string[] = [];
	let demo: DemoShop;
	let runner: ServerRunner | undefined;
	/** recent credit orders whose original lies in the booked history */
	let credits: ShopOrder[];
	let orders: ShopOrder[];
	let named = 0;

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
		({ runner } = await startTemplateN8n('e2e-credits-', scratch, demo, [
			e2eTemplate({
				id: 'tplE2eCreditsHist1',
				settings: { mode: 'migrate', ...HISTORY, failRunOnErrors: false },
			}),
			reprocess('tplE2eCreditsRepr1', half(1)),
		]));
		// Factuursturen dates what it books on its clock's day: the history's last day
		await bookHistory(demo, runner, 'tplE2eCreditsHist1', 3.6 * DAY_MS, 3);
	});

	afterAll(() => cleanUp(scratch, runner, demo?.mijnwebwinkel, demo?.factuursturen));

	const half = (parity: 0 | 1): ShopOrder[] => credits.filter((_, k) => k % 2 === parity);
	function reprocess(id: string, which: ShopOrder[]) {
		return e2eTemplate({
			id,
			settings: {
				mode: 'reprocess',
				orderNumbers: which.map((c) => c.number).join(', '),
				failRunOnErrors: false,
			},
		});
	}
	/** runs the reprocessing of `which`: no search; each names its original's invoice or is reported with a fix */
	async function reprocessed(
		on: ServerRunner,
		id: string,
		which: ShopOrder[],
	): Promise<{ originalsRead: string[] }> {
		const fsBefore = demo.factuursturen.requests.length;
		const mwwBefore = demo.mijnwebwinkel.requests.length;
		const report = reportOf(await on.run(id));
		console.log(formatReport(report));
		const calls = demo.factuursturen.requests.slice(fsBefore);
		expect(calls.filter((r) => r.path.startsWith('/api/v1/search/invoices/'))).toEqual([]);
		const { invoices } = await fsState(demo);
		for (const credit of which) {
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
		for (const o of orders) expect(invoiceForOrder(invoices, o.number).length).toBeLessThan(2);
		const originals = new Set(which.map((c) => `/v1/orders/${c.creditsOrderNumber}`));
		return {
			originalsRead: demo.mijnwebwinkel.requests
				.slice(mwwBefore)
				.filter((r) => r.method === 'GET' && originals.has(r.path))
				.map((r) => r.path),
		};
	}

	it('first day on a new n8n (empty booking record): the list reaches back to the originals Mijnwebwinkel dates', async () => {
		expect(credits.length).toBeGreaterThanOrEqual(6);
		const fresh = await startTemplateN8n('e2e-credits-new-', scratch, demo, [
			reprocess('tplE2eCreditsRepr0', half(0)),
		]);
		try {
			const { originalsRead } = await reprocessed(fresh.runner, 'tplE2eCreditsRepr0', half(0));
			// each original read once, for its date
			expect(originalsRead.sort()).toEqual(
				half(0)
					.map((c) => `/v1/orders/${c.creditsOrderNumber}`)
					.sort(),
			);
		} finally {
			await fresh.runner.stop();
		}
	});

	it('after a restart of the n8n that booked them: the booking record names them, Mijnwebwinkel is not asked', async () => {
		// a new process: what the nodes remember of earlier runs is gone, the booking record is not
		await runner!.restart();
		const { originalsRead } = await reprocessed(runner!, 'tplE2eCreditsRepr1', half(1));
		expect(originalsRead).toEqual([]);
		// across both halves, some credits named their original (the others were never invoiced)
		expect(named).toBeGreaterThanOrEqual(4);
	});
});
