/**
 * The template's throughput in a real n8n 2.41.1 (`n8n start`) against both sandboxes: Factuursturen calls per
 * invoice for a daily batch at 30 %, 0 % and 100 % new debtors, the original-invoice searches of credit notes, and
 * the budget case (only new debtors at 60 requests per 30-second window): rejected calls, failed and waiting
 * orders, and the share of each full window burst pacing used. Every figure is counted in the Factuursturen
 * sandbox's request log, beside the floor (one create per invoice and per new debtor) and the naive flow.
 *
 * The naive flow is the per-order way an integration without bulk steps works: per order one debtor search, a
 * create when the debtor is new, one invoice create, one read-back, and per credit note one search for its
 * original. Its count follows from the same batch; it is not run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { amsterdamToday, type DemoShop } from '../sandbox/demo-shop';
import { addDays } from '../sandbox/generator/ids';
import { startFactuursturenSandbox } from '../sandbox/factuursturen';
import {
	createN8nHome,
	killAllN8n,
	packDirectory,
	packPackage,
	startRunner,
	type ExecuteResult,
	type WorkflowJson,
} from '../scripts/n8n';
import {
	importTemplateSetup,
	SAMPLE_ACCOUNT_OSS_VAT_RATES,
	reportOf,
	templateVariant,
	type Report,
} from '../scripts/demo/setup';
import { bookHistory } from '../test/e2e/support/booked-history';
import { inLookback, isBooked, shopOrders } from '../test/e2e/support/shop-expectations';
import { startTemplateShop } from '../test/e2e/support/template-shop';

const LOOKBACK = 3;

export interface FlowCase {
	name: string;
	newShare: number;
	/** requests per window and the window (seconds); default a budget the batch never reaches */
	budget?: { requests: number; windowSeconds: number };
	/**
	 * The shop's everyday: each day before the batch's window was booked on its day by an earlier run (a migration
	 * of that day with Factuursturen's clock on it, not counted), so the booking record knows the originals of credits older than the window. Without it the
	 * batch is the first day: no record, and a credit whose original is older than the window needs a search.
	 */
	history?: boolean;
}

export interface FlowResult {
	name: string;
	batch: number;
	sent: number;
	failed: number;
	waiting: number;
	failedForBudget: number;
	calls: number;
	newDebtors: number;
	credits: number;
	creditSearches: number;
	/** orders of the days before the window invoiced by the history runs (not counted) */
	historyBooked: number;
	rejected: number;
	/** the calls per route (method and path, numbers and search terms as {…}), most first */
	routes: Array<[string, number]>;
	/** requests per window of the budget, first and last window included */
	perWindow: number[];
	wallMs: number;
	/** rounds of the template's per-order loop (Per order's runs, its last one the "done") */
	loopRounds: number;
	perInvoice: number;
	floor: number;
	naive: number;
}

const out = (text: string): void => void process.stdout.write(`${text}\n`);

async function shopFor(c: FlowCase, orderCount: number): Promise<DemoShop> {
	const shop = await startTemplateShop({
		seed: 7,
		orderCount,
		today: amsterdamToday(),
		days: 14,
		lookbackDays: LOOKBACK,
		newShare: Math.min(c.newShare, 0.99),
		pendingEvery: 2,
	});
	if (c.newShare < 1 && !c.budget) return shop.demo;
	// only new debtors, or a small budget: a Factuursturen account of its own
	const clients =
		c.newShare >= 1
			? []
			: (
					(await fetch(`${shop.demo.factuursturen.url}/__sandbox/state`).then((r) => r.json())) as {
						clients: Array<Record<string, unknown>>;
					}
				).clients;
	await shop.demo.factuursturen.close();
	const budget = c.budget ?? { requests: 100_000, windowSeconds: 3600 };
	return {
		...shop.demo,
		factuursturen: await startFactuursturenSandbox({
			seed: 7,
			clients,
			rateLimit: { budget: budget.requests, windowMs: budget.windowSeconds * 1000 },
			port: 0,
		}),
	};
}

/** the package to measure and its template: this checkout, or (`--package-dir`) an earlier one, built, for "before" */
interface Subject {
	tarball: string;
	template?: WorkflowJson;
}

export async function runFlowCase(
	c: FlowCase,
	orderCount: number,
	subject: Subject,
): Promise<FlowResult> {
	const { tarball } = subject;
	const demo = await shopFor(c, orderCount);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-flow-'));
	try {
		const home = createN8nHome({ dir, tarball });
		const id = `benchFlow${Math.round(c.newShare * 100)}${c.budget ? 'b' : ''}`;
		const historyId = `${id}History`;
		await importTemplateSetup(home, demo, [
			...(c.history ? HISTORY_DAYS.map((d) => historyVariant(historyId, d, subject.template)) : []),
			templateVariant(
				{
					id,
					settings: {
						mode: 'daily',
						lookbackDays: LOOKBACK,
						ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES,
						failRunOnErrors: false,
					},
					...(c.budget
						? { requestOptions: { rateLimitWindowSeconds: c.budget.windowSeconds } }
						: {}),
				},
				subject.template,
			),
		]);
		// inside n8n start: the template keeps its booking record in Data Tables, which `n8n execute` cannot use
		const runner = await startRunner(home);
		let result: ExecuteResult;
		let before = demo.factuursturen.requests.length;
		let historyBooked = 0;
		try {
			if (c.history) {
				// each earlier day booked on its day: Factuursturen's clock on that day, so its invoices are dated then
				const reports: Report[] = [];
				for (const d of HISTORY_DAYS)
					reports.push(...(await bookHistory(demo, runner, `${historyId}${-d}`, -d * 86_400_000)));
				const sum = (k: 'sent' | 'adopted' | 'failed') => reports.reduce((n, r) => n + r[k], 0);
				out(
					`  earlier days, ${reports.length} runs: sent ${sum('sent')}, adopted ${sum('adopted')}, failed ${sum('failed')}`,
				);
				historyBooked = reports.reduce((n, r) => n + r.sent, 0);
				before = demo.factuursturen.requests.length;
			}
			result = await runner.run(id, { timeoutMs: 20 * 60_000 });
		} finally {
			await runner.stop();
		}
		const report: Report = reportOf(result);
		const calls = demo.factuursturen.requests.slice(before);
		const batch = shopOrders(demo).filter((o) => isBooked(o) && inLookback(o, LOOKBACK));
		const newDebtors = calls.filter(
			(r) => r.method === 'POST' && r.path === '/api/v1/clients',
		).length;
		const reached = batch.filter((o) => o.canonical !== null).length;
		const credits = batch.filter((o) => o.canonical?.status.isCredit).length;
		const windowMs = (c.budget?.windowSeconds ?? 3600) * 1000;
		const perWindow = new Map<number, number>();
		for (const r of calls) {
			const w = Math.floor(Date.parse(String(r.at)) / windowMs);
			perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
		}
		const sent = report.sent;
		const routes = new Map<string, number>();
		for (const r of calls) {
			const since = r.query.since ? `?since=${r.query.since}` : '';
			const route = `${r.method} ${r.path.replace(/^\/api\/v1/, '').replace(/\/(?=[^/]*\d)[^/]+$/, '/{…}')}${since}`;
			routes.set(route, (routes.get(route) ?? 0) + 1);
		}
		return {
			name: c.name,
			batch: batch.length,
			sent,
			failed: report.failed,
			waiting: report.waitingForBudget ?? 0,
			failedForBudget: report.failedOrders.filter((f) =>
				/budget|rate_?limit|http_4(03|29)/i.test(String(f.code)),
			).length,
			calls: calls.length,
			newDebtors,
			credits,
			historyBooked,
			creditSearches: calls.filter(
				(r) => r.method === 'GET' && r.path.startsWith('/api/v1/search/invoices/'),
			).length,
			rejected: calls.filter((r) => r.status === 403 || r.status === 429).length,
			routes: [...routes].sort(([, a], [, b]) => b - a),
			perWindow: [...perWindow.entries()].sort(([a], [b]) => a - b).map(([, n]) => n),
			wallMs: result.durationMs,
			loopRounds: result.runData['Per order']?.length ?? 0,
			perInvoice: calls.length / sent,
			floor: (sent + newDebtors) / sent,
			naive: (reached + newDebtors + 2 * sent + credits) / sent,
		};
	} finally {
		// both sandboxes by name: the shop's own close() knows the Factuursturen sandbox it started, not a replacement
		await Promise.all([demo.mijnwebwinkel.close(), demo.factuursturen.close()]);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** the days before the batch's window: from the shop's first day to the day before the lookback begins */
const HISTORY_DAYS = Array.from({ length: 14 - LOOKBACK }, (_, k) => -14 + k);

function historyVariant(id: string, day: number, template?: WorkflowJson): WorkflowJson {
	const date = addDays(amsterdamToday(), day);
	return templateVariant(
		{
			id: `${id}${-day}`,
			settings: {
				mode: 'migrate',
				dateFrom: date,
				dateTo: date,
				ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES,
				failRunOnErrors: false,
			},
		},
		template,
	);
}

const f2 = (n: number): string => n.toFixed(2);

export function printFlow(results: FlowResult[]): void {
	out('\ntemplate in real n8n 2.41.1 (`n8n start`), Factuursturen calls counted in the sandbox');
	out(
		'| case | earlier days booked (not counted) | batch (invoiced) | calls | per invoice | floor | naive | credit searches | rejected | failed for budget / waiting | loop rounds | wall |',
	);
	out('|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const r of results) {
		out(
			`| ${r.name} | ${r.historyBooked || '–'} | ${r.batch} (${r.sent}) | ${r.calls} | ${f2(r.perInvoice)} | ${f2(r.floor)} | ${f2(r.naive)} | ${r.creditSearches} of ${r.credits} credits | ` +
				`${r.rejected} | ${r.failedForBudget} / ${r.waiting} | ${r.loopRounds} | ${(r.wallMs / 1000).toFixed(0)} s |`,
		);
	}
	out('\ncalls per route');
	for (const r of results)
		out(`- ${r.name}: ${r.routes.map(([route, n]) => `${route} ${n}`).join(', ')}`);
	for (const r of results.filter((x) => x.perWindow.length > 2)) {
		const budget = BUDGET_CASE.budget!.requests;
		const full = r.perWindow.slice(1, -1);
		const use = full.map((n) => n / budget);
		out(
			`\n${r.name}: requests per ${BUDGET_CASE.budget!.windowSeconds}-s window ${r.perWindow.join(', ')}; full windows used ` +
				`${use.map((u) => `${Math.round(u * 100)} %`).join(', ')} (goal ≥ 95 %: ${use.every((u) => u >= 0.95) ? 'MET' : 'NOT MET'})`,
		);
	}
}

export const BUDGET_CASE: FlowCase = {
	name: '100 % new debtors, budget 60 per 30 s (burst)',
	newShare: 1,
	budget: { requests: 60, windowSeconds: 30 },
};

export const FLOW_CASES: FlowCase[] = [
	{ name: '30 % new debtors', newShare: 0.3, history: true },
	{ name: '0 % new debtors', newShare: 0, history: true },
	{ name: '100 % new debtors', newShare: 1, history: true },
	{ name: '30 % new debtors, first day (no earlier runs)', newShare: 0.3 },
	BUDGET_CASE,
];

export async function runFlows(orderCount: number, only: string, packageDir = ''): Promise<void> {
	const tarball = packageDir ? await packDirectory(packageDir) : await packPackage();
	const subject: Subject = {
		tarball,
		template: packageDir
			? (JSON.parse(
					fs.readFileSync(
						path.join(packageDir, 'workflows', 'mijnwebwinkel-to-factuursturen.json'),
						'utf8',
					),
				) as WorkflowJson)
			: undefined,
	};
	out(`measuring ${packageDir ? `the package built in ${packageDir}` : 'this checkout'}`);
	try {
		const results: FlowResult[] = [];
		for (const c of FLOW_CASES.filter((x) => !only || x.name.includes(only))) {
			out(`running: ${c.name} …`);
			results.push(await runFlowCase(c, orderCount, subject));
		}
		printFlow(results);
	} finally {
		killAllN8n();
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}
