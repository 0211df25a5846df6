/**
 * History and scale-out for `npm run bench`, beside their goals: the migration test (test/e2e/migration-budget.test.ts,
 * real n8n 2.41.1, n8n's heap held to 600 MB) with the budget out of the way and at a compressed budget, and the
 * queue-mode test (main + 2 workers on PostgreSQL and Redis, 0 duplicates, the same report as on SQLite). Each runs
 * in its own jest process; the figures are read from the line the test prints.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const out = (text: string): void => void process.stdout.write(`${text}\n`);

interface JestRun {
	passed: boolean;
	text: string;
	seconds: number;
}

function jest(file: string, env: Record<string, string>): JestRun {
	const started = Date.now();
	const r = spawnSync('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', '--', file], {
		cwd: REPO,
		env: { ...process.env, ...env },
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	return {
		passed: r.status === 0,
		text: `${r.stdout ?? ''}\n${r.stderr ?? ''}`,
		seconds: (Date.now() - started) / 1000,
	};
}

interface Migration {
	orders: string;
	calls: string;
	rejected: string;
	searches: string;
	duplicates: string;
	seconds: number;
	floorSeconds: number;
	longest: string;
	peakMb: number;
}

const MIGRATION_LINE =
	/migration of (\d+) orders .*?: (\d+) Factuursturen calls, (\d+) rejected, (\d+) searches, (\d+) duplicates; took (\d+) s against a floor of (\d+) s .*?longest execution ([\d.]+) s; n8n peak RSS (\d+) MB/;

function migration(env: Record<string, string>): { run: JestRun; m: Migration | null } {
	const run = jest('test/e2e/migration-budget.test.ts', env);
	const g = MIGRATION_LINE.exec(run.text.replace(/\s+/g, ' '));
	return {
		run,
		m: g
			? {
					orders: g[1],
					calls: g[2],
					rejected: g[3],
					searches: g[4],
					duplicates: g[5],
					seconds: Number(g[6]),
					floorSeconds: Number(g[7]),
					longest: g[8],
					peakMb: Number(g[9]),
				}
			: null,
	};
}

const verdict = (met: boolean): string => (met ? 'MET' : 'NOT MET');

/** `orders`: generated orders of the compressed-budget run (the limits-off run always has 10,000) */
export function runHistory(orders: number): void {
	out(
		'\nhistory in slices: test/e2e/migration-budget.test.ts in real n8n (heap 600 MB), one jest process per run',
	);
	out(
		'| run | orders in range | calls | rejected | searches | duplicates | time | floor | longest execution | peak RSS | goal |',
	);
	out('|---|---|---|---|---|---|---|---|---|---|---|');
	const row = (
		name: string,
		r: ReturnType<typeof migration>,
		goal: string,
		withFloor = true,
	): void => {
		if (!r.m) {
			out(
				`| ${name} | the test ${r.run.passed ? 'printed no figures' : 'FAILED'} (${r.run.seconds.toFixed(0)} s) | | | | | | | | | ${goal}: NOT MET |`,
			);
			return;
		}
		const m = r.m;
		out(
			`| ${name} | ${m.orders} | ${m.calls} | ${m.rejected} | ${m.searches} | ${m.duplicates} | ${m.seconds} s | ${withFloor ? `${m.floorSeconds} s` : '–'} | ${m.longest} s | ${m.peakMb} MB | ${goal} |`,
		);
	};
	// with the budget out of the way the schedule ticks every second: each slice starts as the one before ends
	const free = migration({
		MIGRATION_ORDERS: '10000',
		MIGRATION_BUDGET: '1000000',
		MIGRATION_TICKS: '15',
	});
	const freeMet =
		free.run.passed && free.m !== null && free.m.seconds < 300 && free.m.peakMb < 1024;
	row('limits off, 10,000 generated', free, `< 300 s and < 1,024 MB: ${verdict(freeMet)}`, false);
	const compressed = migration({
		MIGRATION_ORDERS: String(orders),
		MIGRATION_BUDGET: '150',
	});
	const ratio = compressed.m ? compressed.m.seconds / compressed.m.floorSeconds : Infinity;
	row(
		`150 per 15 s, ${orders.toLocaleString('en')} generated`,
		compressed,
		`${ratio.toFixed(2)}× the floor, ≤ 1.10: ${verdict(compressed.run.passed && ratio <= 1.1)}`,
	);
	// PostgreSQL and Redis from Debian's packages, installed when missing (as npm test does)
	const ensured = spawnSync('bash', ['scripts/queue-mode.sh', 'ensure'], {
		cwd: REPO,
		stdio: 'ignore',
	});
	const queue: JestRun =
		ensured.status === 0
			? jest('test/e2e/queue-mode.test.ts', {})
			: { passed: false, text: 'scripts/queue-mode.sh ensure failed', seconds: 0 };
	const lines = queue.text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => /^(queue cluster|two migrations|executions per worker|shop )/.test(l));
	out(
		`\nqueue mode (test/e2e/queue-mode.test.ts: main + 2 workers, PostgreSQL + Redis, two shops at once, then again; the same report and calls as on SQLite): ${queue.passed ? 'PASSED' : 'FAILED'} in ${queue.seconds.toFixed(0)} s`,
	);
	for (const l of lines) out(`  ${l}`);
}
