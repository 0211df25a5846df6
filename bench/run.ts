/**
 * `npm run bench`: the template's Factuursturen throughput in real n8n (bench/flow.ts: calls per invoice beside the
 * floor and the naive flow, credit searches, the budget case), history in slices and queue mode (bench/history.ts:
 * a 10,000-order migration with limits off, one at a compressed budget, the queue-mode test), and how fast orders
 * become Factuursturen payloads. `--flow-only` / `--history-only` / `--core-only` run one part; `--orders 680`
 * sizes the shop (a daily batch of 220 orders); `--history-orders 2000` the compressed-budget migration;
 * `--package-dir <dir>` measures the package built in another checkout with its template (the "before" figures).
 *
 * The core half: The goal (issue "Order-to-invoice core"):
 * 100,000 Mijnwebwinkel orders (API shape) → canonical order → invoice payload in under 2 s on one core.
 *
 * Stages, each in its own process (bench/stage.ts), each timed over several passes of 100,000 orders:
 *   canonical-payload  100,000 generated canonical orders → payload (buildInvoice)
 *   mww-canonical      Mijnwebwinkel orders → canonical order (toCanonicalOrder, schema-checked)
 *   mww-payload        Mijnwebwinkel orders → canonical order → payload: THE GOAL
 * The Mijnwebwinkel orders come from the seeded sandbox shop generator (20,000 distinct orders, cycled 5×).
 *
 * Everything runs on one thread; the machine may be shared, so each stage reports its best and median pass,
 * both in wall time and in CPU time (user + system of the whole process, GC threads included: the work one
 * core has to do). The verdict is on the median wall time; CPU time shows what the load of other jobs took.
 *
 * By default the stages run as JavaScript compiled by tsc with the project's tsconfig.json (into a temporary
 * folder), because that is what the package ships and n8n runs; `--runner tsx` runs the TypeScript through tsx
 * instead, whose transform (getter exports, a __name call per closure) costs extra time.
 *
 * At the end: the share of invoices that need a rounding line over the property-test population, with every new
 * debtor extax (the naive way) and with consumers intax (bench/rounding-share.ts).
 *
 *   npm run bench [-- --passes 5] [--count 100000] [--stage mww-payload] [--canonical-only] [--runner tsx]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { roundingShares } from './rounding-share';
import { runFlows } from './flow';
import { runHistory } from './history';
import type { PassResult, StageResult } from './stage';

const GOAL_MS = 2_000;
const GOAL_STAGE = 'mww-payload';
const TITLES: Record<string, string> = {
	'canonical-payload': 'canonical order → Factuursturen payload (buildInvoice)',
	'mww-canonical': 'Mijnwebwinkel order → canonical order (toCanonicalOrder)',
	'mww-payload': 'Mijnwebwinkel order → canonical order → payload (THE GOAL)',
};

function option(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const out = (text: string): void => void process.stdout.write(`${text}\n`);

const REPO = path.resolve(__dirname, '..');

/** how a stage process is started: node + arguments before the stage's own, and its environment */
interface Runner {
	label: string;
	argv: string[];
	env: NodeJS.ProcessEnv;
	cleanup: () => void;
}

/** bench/stage.ts and what it imports, compiled by tsc with the project's compiler options into a temporary folder */
function compiledRunner(): Runner {
	const outDir = fs.mkdtempSync(path.join(tmpdir(), 'mww-bench-'));
	const config = path.join(outDir, 'tsconfig.json');
	fs.writeFileSync(
		config,
		JSON.stringify({
			extends: path.join(REPO, 'tsconfig.json'),
			compilerOptions: {
				outDir,
				rootDir: REPO,
				declaration: false,
				sourceMap: false,
				noEmitOnError: false,
				incremental: false,
				noUnusedLocals: false, // as for the tests: unused imports in sandbox code are not the bench's business
				// the config sits outside the repository: point tsc at its type packages (the bench uses node's)
				typeRoots: [path.join(REPO, 'node_modules', '@types')],
				types: ['node'],
			},
			files: [path.join(REPO, 'bench', 'stage.ts')],
			include: [],
		}),
	);
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], {
		encoding: 'utf8',
	});
	const stage = path.join(outDir, 'bench', 'stage.js');
	if (!fs.existsSync(stage))
		throw new Error(`tsc emitted nothing (exit ${tsc.status}):\n${tsc.stdout}${tsc.stderr}`);
	if (tsc.status !== 0)
		out(
			`(tsc reported type errors, the emitted JavaScript is measured anyway:\n${tsc.stdout.split('\n').slice(0, 5).join('\n')})`,
		);
	return {
		label: 'JavaScript compiled by tsc with the project tsconfig (as shipped)',
		argv: [stage],
		// the compiled files live outside the repository: let them find its node_modules
		env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
		cleanup: () => fs.rmSync(outDir, { recursive: true, force: true }),
	};
}

/** the TypeScript through tsx: the same node and loader as this process */
function tsxRunner(): Runner {
	return {
		label: 'TypeScript through tsx',
		argv: [...process.execArgv, path.join(__dirname, 'stage.ts')],
		env: process.env,
		cleanup: () => undefined,
	};
}

function runStage(runner: Runner, stage: string, passes: number, count: number): StageResult {
	const child = spawnSync(
		process.execPath,
		[...runner.argv, stage, String(passes), String(count)],
		{
			encoding: 'utf8',
			env: runner.env,
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	if (child.status !== 0)
		throw new Error(`stage ${stage} failed (exit ${child.status}):\n${child.stderr}`);
	const last = child.stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(last) as StageResult;
}

function report(r: StageResult): boolean {
	const wall = r.passes.map((p: PassResult) => p.wallMs);
	const cpu = r.passes.map((p: PassResult) => p.cpuMs);
	const best = Math.min(...wall);
	const med = median(wall);
	const refused =
		Object.entries(r.refused)
			.map(([code, n]) => `${code} ${fmt(n)}`)
			.join(', ') || 'none';
	out(`\n${r.stage}: ${TITLES[r.stage]}`);
	out(
		`  ${fmt(r.count)} orders per pass (${fmt(r.distinctInputs)} distinct), ${r.passes.length} passes: ${wall.map((w) => `${fmt(w)} ms`).join(', ')}`,
	);
	out(
		`  wall  best ${fmt(best)} ms (${fmt((r.count / best) * 1000)} orders/s), median ${fmt(med)} ms (${fmt((r.count / med) * 1000)} orders/s)`,
	);
	out(`  CPU   best ${fmt(Math.min(...cpu))} ms, median ${fmt(median(cpu))} ms`);
	out(
		`  memory: peak RSS ${fmt(r.peakRssMb)} MB (input included), heap ${fmt(r.inputHeapMb)} MB with the input, peak ${fmt(Math.max(...r.passes.map((p) => p.peakHeapMb)))} MB during the passes`,
	);
	out(
		`  outcome per pass: ${fmt(r.built)} ${r.stage === 'mww-canonical' ? 'canonical orders' : `invoices with ${fmt(r.invoiceLines)} lines`}; refused: ${refused}`,
	);
	const scaled = r.count === 100_000 ? '' : ' (scaled: the goal is for 100,000 orders)';
	const goalMs = (GOAL_MS * r.count) / 100_000;
	out(
		`  ${r.stage === GOAL_STAGE ? 'GOAL' : 'reference'}: ${fmt(r.count)} orders in ≤ ${fmt(goalMs)} ms${scaled} → median ${med <= goalMs ? 'MET' : 'NOT MET'}, best ${best <= goalMs ? 'met' : 'not met'}`,
	);
	return med <= goalMs;
}

/** the share of invoices with a rounding line, the naive way (all new debtors extax) side by side with the current rule */
function reportRoundingShares(): void {
	const pct = (n: number, of: number): string => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`;
	out(
		'\nrounding lines ("Afrondingsverschil") over the property-test population, each order on a new debtor:',
	);
	for (const r of roundingShares()) {
		out(
			`  ${r.label.padEnd(42)} ${fmt(r.withRoundingLine)} of ${fmt(r.built)} invoices (${pct(r.withRoundingLine, r.built)}); consumers ${fmt(r.consumerWithRoundingLine)} of ${fmt(r.consumerBuilt)} (${pct(r.consumerWithRoundingLine, r.consumerBuilt)})`,
		);
	}
}

async function main(): Promise<void> {
	const cpu = cpus();
	out(
		`bench: node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ''}, load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`,
	);
	const only = ['--flow-only', '--history-only', '--core-only'].find((o) =>
		process.argv.includes(o),
	);
	const load = (after: string): void =>
		out(
			`load average after ${after}: ${loadavg()
				.map((l) => l.toFixed(1))
				.join(' ')}`,
		);
	if (!only || only === '--flow-only') {
		await runFlows(Number(option('orders', '680')), option('case', ''), option('package-dir', ''));
		load('the flow');
	}
	if (!only || only === '--history-only') {
		runHistory(Number(option('history-orders', '2000')));
		load('the history runs');
	}
	if (!only || only === '--core-only') core();
}

function core(): void {
	const passes = Number(option('passes', '5'));
	const count = Number(option('count', '100000'));
	const only = process.argv.includes('--canonical-only')
		? 'canonical-payload'
		: option('stage', '');
	const stages = only ? [only] : Object.keys(TITLES);
	const runner = option('runner', 'tsc') === 'tsx' ? tsxRunner() : compiledRunner();
	out(`runner: ${runner.label}`);
	out(
		`goal: 100,000 Mijnwebwinkel orders → canonical → Factuursturen payload in under ${fmt(GOAL_MS)} ms on one core (single-threaded; verdict on the median pass)`,
	);
	let verdicts: Array<readonly [string, boolean]>;
	try {
		verdicts = stages.map(
			(stage) => [stage, report(runStage(runner, stage, passes, count))] as const,
		);
	} finally {
		runner.cleanup();
	}
	const goal = verdicts.find(([stage]) => stage === GOAL_STAGE);
	if (goal) out(`\nGOAL ${goal[1] ? 'MET' : 'NOT MET'} (median pass of ${GOAL_STAGE})`);
	reportRoundingShares();
	out(
		`\nload average at the end: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
