/**
 * The days before a test's window, booked as earlier runs would have: the template's migration of them (workflow
 * `id`, mode migrate) run until its Report says done, with Factuursturen's clock moved back `clockBackMs` for the
 * while, so the invoices it sends are dated in the past as an earlier day's would be.
 */
import type { DemoShop } from '../../../sandbox/demo-shop';
import type { ServerRunner } from '../../../scripts/n8n';
import { reportOf, type Report } from '../../../scripts/demo/setup';
import { fsControl } from './shop-expectations';

export async function bookHistory(
	demo: DemoShop,
	runner: ServerRunner,
	id: string,
	clockBackMs: number,
	maxRuns = 5,
): Promise<Report[]> {
	const reports: Report[] = [];
	await fsControl(demo, { advanceClockMs: -clockBackMs });
	try {
		while (reports.length < maxRuns) {
			const report = reportOf(await runner.run(id, { timeoutMs: 20 * 60_000 }));
			reports.push(report);
			if (report.migration?.done !== false) break;
		}
	} finally {
		await fsControl(demo, { advanceClockMs: clockBackMs });
	}
	return reports;
}
