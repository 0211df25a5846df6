/**
 * The fault table of the never-twice promise, shared by the fault suite (test/e2e/faults.test.ts) and the soak
 * (`npm run soak`): each fault kind the sandboxes inject, on the routes where it can hurt, and how the sandbox state
 * is judged afterwards (duplicates by order reference and by debtor e-mail).
 */
import type { Fault } from '../../../sandbox/common/server';
import type { DemoShop } from '../../../sandbox/demo-shop';
import { fsState } from './shop-expectations';

/** the node gives up after 2 s; a slow answer comes after 6 s: later than the look-up after the settle wait */
export const TIMEOUT_MS = 2_000;
export const SLOW_MS = 6_000;

/** codes that say "try again" rather than "this order cannot be booked as it is" */
export const TRANSIENT =
	/^(outcome_unknown|duplicate_check_unavailable|server_error|timeout|connection_lost|unreachable|api_error|unexpected_error)$/;

export const FAULT_KINDS = [
	'commit-then-drop',
	'slow',
	'reset',
	'503',
	'html list',
	'mijnwebwinkel 503',
] as const;
export type FaultKindName = (typeof FAULT_KINDS)[number];

const WRITES = ['POST /api/v1/invoices', 'POST /api/v1/clients'];
const LISTS = [
	'GET /api/v1/invoices',
	'GET /api/v1/clients',
	'GET /api/v1/search/:area/:field/:query',
];

/** The faults of `kinds` (default: all of them, mixed), each at probability `p` per call of its routes. */
export function faultsAt(
	p: number,
	kinds: readonly FaultKindName[] = FAULT_KINDS,
): { fs: Fault[]; mww: Fault[] } {
	const on = (k: FaultKindName): boolean => kinds.includes(k);
	return {
		fs: [
			...WRITES.flatMap((route): Fault[] => [
				...(on('commit-then-drop')
					? [{ route, kind: 'commit-then-drop', probability: p } as Fault]
					: []),
				...(on('slow') ? [{ route, kind: 'slow', delayMs: SLOW_MS, probability: p } as Fault] : []),
				...(on('reset') ? [{ route, kind: 'reset', probability: p } as Fault] : []),
				...(on('503') ? [{ route, kind: 'error', status: 503, probability: p } as Fault] : []),
			]),
			...(on('html list')
				? LISTS.map(
						(route): Fault => ({
							route,
							kind: 'replace',
							status: 200,
							body: '<html><body>Bad gateway</body></html>',
							contentType: 'text/html',
							probability: p,
						}),
					)
				: []),
		],
		mww: on('mijnwebwinkel 503')
			? [{ route: 'GET /v1/orders', kind: 'error', status: 503, probability: p }]
			: [],
	};
}

/** the keys that occur more than once */
export function twice(keys: string[]): string[] {
	return [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
}

/** Orders with more than one invoice (by reference) and e-mails with more than one debtor, in the sandbox now. */
export async function duplicates(
	demo: DemoShop,
): Promise<{ invoices: string[]; debtors: string[] }> {
	const state = await fsState(demo);
	return {
		invoices: twice(state.invoices.map((i) => i.reference.line1)),
		debtors: twice(
			state.clients.map((c) => String(c.email).trim().toLowerCase()).filter((e) => e !== ''),
		),
	};
}
