/**
 * One benchmark stage, run in its own process by bench/run.ts (so peak memory is the stage's own and one
 * stage's garbage does not slow the next). Prepares the input (not timed), warms the JIT up on 2,000
 * orders, then times `passes` passes over `count` orders and prints one JSON line with the figures.
 *
 *   tsx bench/stage.ts <canonical-payload | mww-canonical | mww-payload> [passes] [count]
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { CanonicalOrder } from '../core/canonical-order';
import { OrderRefusal } from '../core/errors';
import { toCanonicalOrder, type MijnwebwinkelContext } from '../core/mijnwebwinkel/to-canonical';
import { generateShop } from '../sandbox/generator';
import { generateCanonical, invoiceFor } from './canonical-orders';

export const STAGES = ['canonical-payload', 'mww-canonical', 'mww-payload'] as const;
export type StageName = (typeof STAGES)[number];

export interface PassResult {
	wallMs: number;
	/** user + system CPU time of the whole process (all threads, GC included) during the pass */
	cpuMs: number;
	/** largest heapUsed seen during the pass (sampled every 1,000 orders) */
	peakHeapMb: number;
}

export interface StageResult {
	stage: StageName;
	count: number;
	distinctInputs: number;
	passes: PassResult[];
	/** heap in use once the input was prepared, before the first pass */
	inputHeapMb: number;
	/** max RSS of the stage's process over its whole life (input included) */
	peakRssMb: number;
	built: number;
	refused: Record<string, number>;
	invoiceLines: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/** one unit of work per stage: returns the number of invoice lines (0 when no invoice is built) */
type Work = (i: number) => number;

function prepare(stage: StageName, count: number): { work: Work; distinct: number } {
	if (stage === 'canonical-payload') {
		const orders = generateCanonical(count, 2026);
		return { work: (i) => invoiceFor(orders[i], i).lines.length, distinct: orders.length };
	}
	const shop = generateShop({ seed: 7, orderCount: 20_000, days: 365 });
	// Orders arrive from the API as JSON text; parsing it gives flat strings, as the node sees them (the
	// generator's own strings are concatenations, slower to read than anything the node ever gets).
	const raw = JSON.parse(JSON.stringify(shop.orders)) as unknown[];
	const ctx: MijnwebwinkelContext = { statuses: shop.statuses };
	const canonical = (i: number): CanonicalOrder => toCanonicalOrder(raw[i % raw.length], ctx);
	if (stage === 'mww-canonical') return { work: (i) => (canonical(i), 0), distinct: raw.length };
	return { work: (i) => invoiceFor(canonical(i), i).lines.length, distinct: raw.length };
}

function main(): void {
	const stage = process.argv[2] as StageName;
	if (!STAGES.includes(stage))
		throw new Error(`unknown stage "${process.argv[2]}"; one of ${STAGES.join(', ')}`);
	const passes = Number(process.argv[3] ?? 5);
	const count = Number(process.argv[4] ?? 100_000);
	const { work, distinct } = prepare(stage, count);

	const refused = new Map<string, number>();
	let built = 0;
	let invoiceLines = 0;
	const run = (i: number, tally: boolean): void => {
		try {
			const lines = work(i);
			if (tally) {
				built++;
				invoiceLines += lines;
			}
		} catch (error) {
			if (!(error instanceof OrderRefusal)) throw error;
			if (tally) refused.set(error.code, (refused.get(error.code) ?? 0) + 1);
		}
	};

	for (let i = 0; i < Math.min(2_000, count); i++) run(i, false); // JIT warm-up, not measured
	const inputHeapMb = mb(getHeapStatistics().used_heap_size);

	const results: PassResult[] = [];
	for (let p = 0; p < passes; p++) {
		const tally = p === 0; // every pass does the same work; count the outcome once
		let peakHeap = getHeapStatistics().used_heap_size;
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		for (let i = 0; i < count; i++) {
			run(i, tally);
			if (i % 1_000 === 999) peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
		}
		const wallMs = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		results.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakHeapMb: mb(peakHeap) });
	}

	const result: StageResult = {
		stage,
		count,
		distinctInputs: distinct,
		passes: results,
		inputHeapMb,
		peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		built,
		refused: Object.fromEntries(refused),
		invoiceLines,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
