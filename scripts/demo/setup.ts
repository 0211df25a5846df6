/**
 * What the demo and the template's end-to-end tests share: credentials that point at the local sandboxes, the
 * bundled template (optionally with other Run settings or request options), and reading the run's Report.
 */
import * as fs from 'node:fs';
import type { MigrationState } from '../../core/booking-record/migration';
import type { DemoShop } from '../../sandbox/demo-shop';
import {
	importCredentials,
	importWorkflow,
	nodeOutput,
	type ExecuteResult,
	type N8nCredential,
	type N8nHome,
	type WorkflowJson,
} from '../n8n';
import {
	FS_CREDENTIAL,
	MWW_CREDENTIAL,
	N,
	PKG,
	TEMPLATE_PATH,
} from '../../workflows/mijnwebwinkel-to-factuursturen';
import { FORM_TEMPLATE_PATH } from '../../workflows/mijnwebwinkel-reprocess-form';

export {
	N,
	TEMPLATE_PATH,
	TEMPLATE_ID,
	FORM_PATH,
	FORM_TEMPLATE_ID,
} from '../../workflows/mijnwebwinkel-to-factuursturen';

/** A Mijnwebwinkel credential pointing at a sandbox (the template's own, or another shop's under its own name). */
export function mijnwebwinkelCredential(
	sandbox: DemoShop['mijnwebwinkel'],
	ref: { id: string; name: string } = { id: 'mwwSandboxCred001', name: MWW_CREDENTIAL.name },
): N8nCredential {
	return {
		id: ref.id,
		name: ref.name,
		type: MWW_CREDENTIAL.type,
		data: {
			storeToken: sandbox.storeToken,
			partnerToken: sandbox.partnerToken,
			baseUrl: sandbox.url,
			language: 'nl_NL',
		},
	};
}

/** The two credentials the template refers to (by name and type), pointing at the sandboxes. */
export function sandboxCredentials(demo: DemoShop): N8nCredential[] {
	return [
		mijnwebwinkelCredential(demo.mijnwebwinkel),
		{
			id: 'fsSandboxCred0001',
			name: FS_CREDENTIAL.name,
			type: FS_CREDENTIAL.type,
			data: {
				username: demo.factuursturen.username,
				apiKey: demo.factuursturen.apiKey,
				baseUrl: demo.factuursturen.baseUrl,
			},
		},
	];
}

export function loadTemplate(): WorkflowJson {
	return JSON.parse(fs.readFileSync(TEMPLATE_PATH, 'utf8')) as WorkflowJson;
}

/** The reprocess/migrate form workflow (it calls the sync workflow by its id). */
export function loadFormTemplate(): WorkflowJson {
	return JSON.parse(fs.readFileSync(FORM_TEMPLATE_PATH, 'utf8')) as WorkflowJson;
}

interface NodeJson {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	[k: string]: unknown;
}

export interface RunSettings {
	mode?: 'daily' | 'reprocess' | 'reprocess open problems' | 'migrate';
	lookbackDays?: number;
	orderNumbers?: string;
	dateFrom?: string;
	dateTo?: string;
	invoiceableStatuses?: string[];
	vatRates?: Record<string, string>;
	ossVatRates?: Record<string, string>;
	categories?: Record<string, string>;
	paymentMethodDebtors?: Record<string, string>;
	paidWhen?: 'paid_status_or_payment' | 'always';
	toleranceCents?: number;
	failRunOnErrors?: boolean;
	homeCountry?: string;
	euDistanceSales?: 'below_threshold' | 'oss';
	/** switching over: orders dated before this day (YYYY-MM-DD) are skipped */
	cutOverDate?: string;
	/** switching over: orders numbered up to this one are skipped */
	cutOverOrderNumber?: string;
	/** where invoices made by another connector hold the order number: lines, line1, line2, line3 */
	invoicesElsewhereIn?: string;
	/** a regular expression with one capture group around the order number */
	invoicesElsewherePattern?: string;
	/** migrating history: Factuursturen requests per hour (for the expected end), calls per order, max orders per run */
	apiBudgetPerHour?: number;
	migrationCallsPerOrder?: number;
	migrationMaxOrdersPerRun?: number;
	/** one run at a time per shop: the lock's key (empty: the workflow's id) and its lifetime without renewal */
	runLockKey?: string;
	runLockMinutes?: number;
}

export interface TemplateVariant {
	/** ≤ 21 characters */
	id: string;
	name?: string;
	/** replaces the values of the Run settings node (as a user would edit them) */
	settings?: RunSettings;
	/** merged into Request Options of every Factuursturen node */
	requestOptions?: Record<string, unknown>;
	/** set on the Create invoice node (e.g. ossVatRates), as a user would fill in its mapping */
	createParameters?: Record<string, unknown>;
	/** another Mijnwebwinkel credential (imported separately) for every order node */
	mijnwebwinkelCredential?: { id: string; name: string };
}

/** A copy of the template with its own id and edited Run settings / Factuursturen request options. */
export function templateVariant(
	v: TemplateVariant,
	base: WorkflowJson = loadTemplate(),
): WorkflowJson {
	const wf = JSON.parse(JSON.stringify(base)) as WorkflowJson;
	const nodes = wf.nodes as NodeJson[];
	wf.id = v.id;
	wf.name = v.name ?? `${wf.name} (${v.id})`;
	const settings = nodes.find((n) => n.name === N.settings);
	if (!settings) throw new Error(`The template has no "${N.settings}" node`);
	const assignments = (
		settings.parameters.assignments as {
			assignments: Array<{ name: string; value: unknown; type: string }>;
		}
	).assignments;
	for (const [key, value] of Object.entries(v.settings ?? {})) {
		const a = assignments.find((x) => x.name === key);
		if (!a) throw new Error(`Run settings has no field "${key}"`);
		// the Set node keeps lists and objects as JSON text, as a user types them
		a.value = a.type === 'array' || a.type === 'object' ? JSON.stringify(value) : value;
	}
	if (v.requestOptions) {
		for (const n of nodes) {
			if (n.type !== `${PKG}.factuursturen`) continue;
			n.parameters.requestOptions = {
				...(n.parameters.requestOptions as object),
				...v.requestOptions,
			};
		}
	}
	if (v.mijnwebwinkelCredential) {
		for (const n of nodes)
			if (n.type === `${PKG}.mijnwebwinkel`)
				n.credentials = { [MWW_CREDENTIAL.type]: { ...v.mijnwebwinkelCredential } };
	}
	if (v.createParameters) {
		const create = nodes.find((n) => n.name === N.create);
		if (!create) throw new Error(`The template has no "${N.create}" node`);
		Object.assign(create.parameters, v.createParameters);
	}
	return wf;
}

/** The ossVatRates Run setting from "DE:19" style entries (shop rate = Factuursturen rate). */
export function ossVatRates(entries: string[]): Record<string, string> {
	return Object.fromEntries(entries.map((e) => [e, e.split(':')[1]]));
}

/**
 * The ossVatRates Run setting for the sample account of the sandbox (rates for BE, DE, FR and AT). The shipped
 * template maps no OSS rates: they depend on the account.
 */
export const SAMPLE_ACCOUNT_OSS_VAT_RATES = ossVatRates([
	'BE:21',
	'BE:6',
	'DE:19',
	'DE:7',
	'FR:20',
	'FR:5.5',
	'AT:20',
	'AT:10',
]);

/** The template as the demo and the screenshots run it: its own id, its own name, the sample account's OSS rates. */
export function sampleAccountTemplate(id: string): WorkflowJson {
	return templateVariant({
		id,
		name: String(loadTemplate().name),
		settings: { ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES },
	});
}

/** Imports the sandbox credentials and the given workflows (credentials first: import re-links by name and type). */
export async function importTemplateSetup(
	home: N8nHome,
	demo: DemoShop,
	workflows: WorkflowJson[],
	extraCredentials: N8nCredential[] = [],
): Promise<void> {
	await importCredentials(home, [...sandboxCredentials(demo), ...extraCredentials]);
	await importWorkflow(home, workflows);
}

export interface ReportOrder {
	orderNumber: string | null;
	/** where it failed: fetch, debtor, duplicate check, invoice, read-back */
	stage?: string;
	code?: string;
	reason?: string;
	hint?: string | null;
	invoicenr?: string;
}

export interface Report {
	mode: string;
	sent: number;
	adopted: number;
	skipped: number;
	failed: number;
	mismatched: number;
	failedOrders: ReportOrder[];
	mismatchedOrders: ReportOrder[];
	skippedOrders: ReportOrder[];
	/** orders not sent because the Factuursturen budget had no room left: the next run books them (not failures) */
	waitingForBudget: number;
	waitingForBudgetOrders: ReportOrder[];
	/** invoices (sent or adopted) booked as paid / left open because the order is not known to be paid */
	paidInvoices: number;
	openInvoices: number;
	invoices: Array<{
		orderNumber: string;
		invoicenr: string;
		outcome: 'sent' | 'adopted';
		paid: boolean;
	}>;
	apiBudgetLeft: number | null;
	/** the same as readable text: the counts, then one line per order that needs attention with its fix */
	summary: string;
	/** orders with more than one invoice, each with the one to keep and the ones to credit */
	duplicates: number;
	duplicateInvoices: Array<{
		orderNumber: string;
		invoiceNumbers: string[];
		keep: string;
		credit: string[];
		hint: string;
	}>;
	/** failed orders whose create was not confirmed: not sent again, settled by the next run */
	outcomeUnknown: number;
	/** false when the order fetch failed: the run did not cover the period */
	fetchComplete: boolean;
	/** nothing needs a person: no failure, mismatch or duplicate, and the whole period fetched */
	ok: boolean;
	/** every problem of the booking record still open (also from earlier runs), oldest first */
	openProblems: OpenProblem[];
	/** a migration's state after this run (mode migrate), else null */
	migration: MigrationProgress | null;
	/** another run held the shop's run lock: this run booked nothing (not ok) */
	stoodDown: boolean;
	/** when stood down: the lock's key, the execution(s) holding it, their mode, until when, and what to do */
	runLock: {
		lockKey: string;
		heldBy: string;
		heldByMode: string;
		heldUntil: string | null;
		hint: string;
	} | null;
}

/** a migration's state as the Report carries it (the core's row without its date range and timestamps) */
export type MigrationProgress = Pick<
	MigrationState,
	| 'range'
	| 'lastOrderNumber'
	| 'booked'
	| 'reported'
	| 'total'
	| 'left'
	| 'runs'
	| 'expectedEnd'
	| 'done'
>;

export interface OpenProblem {
	orderNumber: string;
	orderDate: string | null;
	outcome: 'refused' | 'failed' | 'mismatched';
	stage: string | null;
	code: string | null;
	reason: string | null;
	fix: string | null;
	invoiceNumber: string | null;
	firstTried: string;
	lastTried: string;
	attempts: number;
}

/** The single Report item of a run (throws when the run produced none or several). */
export function reportOf(result: ExecuteResult): Report {
	const items = nodeOutput(result, N.report);
	const runs = result.runData[N.report]?.length ?? 0;
	if (items.length !== 1 || runs !== 1) {
		throw new Error(
			`Expected one Report item in one run, got ${items.length} item(s) in ${runs} run(s)`,
		);
	}
	return items[0] as unknown as Report;
}

/** Human-readable summary of a report, for the demo and test logs. */
export function formatReport(r: Report): string {
	if (r.stoodDown)
		return `STOOD DOWN mode ${r.mode}: execution ${r.runLock?.heldBy} holds the run lock until ${r.runLock?.heldUntil}; nothing booked`;
	const lines = [
		`${r.ok ? 'OK' : 'NEEDS ATTENTION'} mode ${r.mode}: sent ${r.sent}, adopted ${r.adopted}, skipped ${r.skipped}, failed ${r.failed} (outcome unknown ${r.outcomeUnknown}), ` +
			`mismatched ${r.mismatched}, duplicates ${r.duplicates}, waiting for budget ${r.waitingForBudget ?? 0}; invoices paid ${r.paidInvoices}, open ${r.openInvoices}; ` +
			`Factuursturen API budget left: ${r.apiBudgetLeft ?? 'unknown'}${r.fetchComplete ? '' : '; the order fetch FAILED: the next run catches up'}`,
	];
	const open = r.invoices.filter((i) => !i.paid);
	if (open.length > 0)
		lines.push(
			`  open (not known to be paid yet): ${open.map((i) => `order ${i.orderNumber} → invoice ${i.invoicenr}`).join(', ')}`,
		);
	for (const f of r.failedOrders)
		lines.push(
			`  FAILED  order ${f.orderNumber ?? '?'} at ${f.stage ?? '?'} [${f.code}] ${f.reason}\n          fix: ${f.hint ?? '-'}`,
		);
	for (const m of r.mismatchedOrders)
		lines.push(
			`  MISMATCH order ${m.orderNumber} invoice ${m.invoicenr}: ${m.reason}\n          fix: ${m.hint ?? '-'}`,
		);
	for (const s of r.skippedOrders)
		lines.push(`  skipped order ${s.orderNumber ?? '?'}: ${s.reason}`);
	if (r.migration) {
		const m = r.migration;
		lines.push(
			`  migration ${m.range}: booked ${m.booked}, reported ${m.reported}, left ${m.left ?? '?'} of ${m.total ?? '?'} after ${m.runs} run(s)${m.done ? ', done' : `, expected end ${m.expectedEnd ?? '?'}`}`,
		);
	}
	if (r.openProblems?.length)
		lines.push(
			`  problems still open (booking record, oldest first): ${r.openProblems.map((p) => `${p.orderNumber} [${p.code}]`).join(', ')}`,
		);
	for (const d of r.duplicates ? r.duplicateInvoices : [])
		lines.push(
			`  DUPLICATE order ${d.orderNumber}: ${d.invoiceNumbers.join(', ')}\n          fix: ${d.hint}`,
		);
	return lines.join('\n');
}
