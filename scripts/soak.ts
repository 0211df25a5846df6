/**
 * `npm run soak`: the fault suite's table (test/e2e/faults.test.ts) at scale, in a real n8n 2.41.1. A generated shop
 * of SOAK_ORDERS orders (default 10,000) is migrated by the template, once per fault kind alone at SOAK_P (default
 * 10 %) of the calls of its routes and once with all of them mixed, each on fresh books; then the mixed run's books
 * are migrated again without faults. A migration runs as a schedule runs it: one execution per slice (SOAK_SLICE
 * orders, default the template's 500) until its state says done. Judged from the sandboxes' state, as the fault suite judges it.
 * Not part of `npm test`; prints one table row per pass and the machine it ran on.
 */
import * as fs from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { amsterdamToday } from '../sandbox/demo-shop';
import {
	duplicates,
	FAULT_KINDS,
	faultsAt,
	SLOW_MS,
	TIMEOUT_MS,
	TRANSIENT,
	type FaultKindName,
} from '../test/e2e/support/fault-table';
import { fsControl, isBooked, shopOrders } from '../test/e2e/support/shop-expectations';
import { startTemplateShop } from '../test/e2e/support/template-shop';
import {
	importTemplateSetup,
	SAMPLE_ACCOUNT_OSS_VAT_RATES,
	reportOf,
	templateVariant,
	type Report,
} from './demo/setup';
import {
	createN8nHome,
	killAllN8n,
	locateRuntime,
	packPackage,
	startRunner,
	type ServerRunner,
} from './n8n';

const ORDERS = Number(process.env.SOAK_ORDERS ?? 10_000);
const P = Number(process.env.SOAK_P ?? 0.1);
const SLICE = Number(process.env.SOAK_SLICE ?? 500);
const DAYS = 30;
const SEED = 53;
const ID = 'soakMigration00001';
/** a budget no pass reaches: the soak measures faults, the budget has its own bench (`npm run migrate:bench`) */
const BUDGET = 1_000_000_000;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const load = (): string =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');
const addDays = (ymd: string, n: number): string => {
	const d = new Date(`${ymd}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
};

interface Row {
	fault: string;
	duplicateInvoices: number;
	duplicateDebtors: number;
	lost: number;
	booked: number;
	reported: number;
	/** of the reported: for a transient reason (to be settled by the next run) */
	transient: number;
	executions: number;
	wallS: number;
	calls: number;
	faultHits: number;
	mwwCalls: number;
	mwwFaultHits: number;
}

async function migrate(runner: ServerRunner, label: string): Promise<Report[]> {
	const reports: Report[] = [];
	for (let run = 1; run <= Math.ceil(ORDERS / SLICE) * 3 + 5; run++) {
		const result = await runner.run(ID, { allowFailure: true, timeoutMs: 3_600_000 });
		if (!result.runData.Report)
			throw new Error(
				`${label}, execution ${run} ended without its Report: ${JSON.stringify(result.error ?? null).slice(0, 1500)}`,
			);
		const report = reportOf(result);
		reports.push(report);
		const m = report.migration;
		out(
			`  [${label} ${run}] ${(result.durationMs / 1000).toFixed(0)} s: sent ${report.sent}, adopted ${report.adopted}, failed ${report.failed} ` +
				`(outcome unknown ${report.outcomeUnknown}), fetch ${report.fetchComplete ? 'complete' : 'INCOMPLETE'}; ` +
				`migration booked ${m?.booked ?? '?'}, reported ${m?.reported ?? '?'}, left ${m?.left ?? '?'}`,
		);
		if (!m || m.done) break;
	}
	return reports;
}

async function main(): Promise<void> {
	const cpu = cpus();
	out(
		`soak: ${ORDERS} generated orders over ${DAYS} days, faults at ${P * 100} % of the calls of their routes, ${SLICE} orders per execution; ` +
			`node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ''}, load average ${load()}`,
	);
	locateRuntime();
	const tarball = await packPackage();
	const today = amsterdamToday();
	const range = { from: addDays(today, -(DAYS - 1)), to: today };
	const { demo } = await startTemplateShop({
		seed: SEED,
		orderCount: ORDERS,
		today,
		days: DAYS,
		lookbackDays: 3,
		newShare: 0.5,
		pendingEvery: 3,
	});
	const expected = shopOrders(demo).filter(
		(o) => isBooked(o) && o.date >= range.from && o.date <= range.to,
	);
	out(`  ${expected.length} orders to book in ${range.from}..${range.to}`);
	const dir = fs.mkdtempSync(path.join(tmpdir(), 'soak-'));
	let runner: ServerRunner | undefined;
	try {
		const home = createN8nHome({ dir, tarball });
		await importTemplateSetup(home, demo, [
			templateVariant({
				id: ID,
				settings: {
					mode: 'migrate',
					dateFrom: range.from,
					dateTo: range.to,
					ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES,
					apiBudgetPerHour: BUDGET,
					migrationMaxOrdersPerRun: SLICE,
					failRunOnErrors: false,
				},
				requestOptions: { timeoutMs: TIMEOUT_MS },
			}),
		]);
		runner = await startRunner(home);
		const rows: Row[] = [];

		async function pass(label: string, kinds: readonly FaultKindName[] | null): Promise<void> {
			if (kinds) {
				// fresh books (the seeded debtors only) for every fault pass
				const reset = await fetch(`${demo.factuursturen.url}/__sandbox/reset`, { method: 'POST' });
				if (reset.status !== 200) throw new Error(`sandbox reset answered ${reset.status}`);
			}
			await fsControl(demo, { rateLimit: { budget: BUDGET, windowMs: 3_600_000 } });
			const faults = faultsAt(P, kinds ?? []);
			demo.factuursturen.setFaults(faults.fs);
			demo.mijnwebwinkel.setFaults(faults.mww);
			const mark = demo.factuursturen.requests.length;
			const mwwMark = demo.mijnwebwinkel.requests.length;
			const started = Date.now();
			const reports = await migrate(runner!, label);
			const wallS = (Date.now() - started) / 1000;
			demo.factuursturen.setFaults([]);
			demo.mijnwebwinkel.setFaults([]);
			// the slow answers' commits land before the books are judged
			await sleep(SLOW_MS + 1_000);
			const calls = demo.factuursturen.requests.slice(mark);
			const mwwCalls = demo.mijnwebwinkel.requests.slice(mwwMark);
			const dup = await duplicates(demo);
			const invoiced = new Set(reports.flatMap((r) => r.invoices.map((i) => i.orderNumber)));
			const failed = new Map(
				reports.flatMap((r) => r.failedOrders.map((f) => [String(f.orderNumber), f] as const)),
			);
			const reported = [...failed.keys()].filter((n) => !invoiced.has(n));
			rows.push({
				fault: label,
				duplicateInvoices: dup.invoices.length,
				duplicateDebtors: dup.debtors.length,
				lost: expected.filter((o) => !invoiced.has(o.number) && !failed.has(o.number)).length,
				booked: invoiced.size,
				reported: reported.length,
				transient: reported.filter((n) => TRANSIENT.test(String(failed.get(n)!.code))).length,
				executions: reports.length,
				wallS,
				calls: calls.length,
				faultHits: calls.filter((r) => r.fault !== null).length,
				mwwCalls: mwwCalls.length,
				mwwFaultHits: mwwCalls.filter((r) => r.fault !== null).length,
			});
			out(`  ${label}: ${JSON.stringify(rows[rows.length - 1])}; load average ${load()}`);
		}

		for (const kind of FAULT_KINDS) await pass(kind, [kind]);
		await pass('all mixed', FAULT_KINDS);
		await pass('re-run of the mixed books without faults', null);

		out(
			`\nsoak: ${ORDERS} generated orders, ${expected.length} to book (${range.from}..${range.to}); each fault at ${P * 100} % ` +
				`of the calls of its routes, ${SLICE} orders per execution; n8n 2.41.1, node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ''}, load average at the end ${load()}\n`,
		);
		out(
			'| fault | duplicate invoices | duplicate debtors | lost orders | orders booked / reported (transient) | executions | wall time | calls Factuursturen / Mijnwebwinkel (hit by a fault) |',
		);
		out('|---|---|---|---|---|---|---|---|');
		for (const r of rows)
			out(
				`| ${r.fault} | ${r.duplicateInvoices} | ${r.duplicateDebtors} | ${r.lost} | ${r.booked} / ${r.reported} (${r.transient}) | ${r.executions} | ${r.wallS.toFixed(0)} s | ${r.calls} (${r.faultHits}) / ${r.mwwCalls} (${r.mwwFaultHits}) |`,
			);
		const bad = rows.filter((r) => r.duplicateInvoices + r.duplicateDebtors + r.lost > 0);
		const last = rows[rows.length - 1];
		if (bad.length > 0 || last.transient > 0) {
			out(
				`\nNOT KEPT: ${bad.map((r) => r.fault).join(', ') || `${last.transient} transient failures after the clean re-run`}`,
			);
			process.exitCode = 1;
		}
	} finally {
		await runner?.stop();
		killAllN8n();
		await demo.close();
		fs.rmSync(dir, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	killAllN8n();
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
