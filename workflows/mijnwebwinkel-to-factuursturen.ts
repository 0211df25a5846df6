/**
 * Source of the bundled template `workflows/mijnwebwinkel-to-factuursturen.json` (n8n workflow JSON is too long to
 * keep readable by hand), one function per part of the canvas. `npm run template` rewrites the JSON;
 * test/e2e/template-json.test.ts fails when the committed file and this source disagree.
 *
 * No business logic in Code nodes: the nodes of this package do the work; Set/If/Switch/Merge/Aggregate only route
 * and count, with one-line expressions.
 */
import * as path from 'node:path';
import { BOOKING_RECORD_COLUMNS, BOOKING_RECORD_TABLE } from '../core/booking-record/columns';
import { MIGRATION_COLUMNS, MIGRATION_TABLE } from '../core/booking-record/migration';
import { DEFAULT_INVOICEABLE_STATUSES } from '../core/factuursturen/preflight';
import {
	createBuilder,
	idFor,
	ifParams,
	jsonText,
	switchRule,
	workflowFile,
	writeWorkflowFile,
	type Builder,
	type Json,
} from './builder';
import { FORM_PATH, REPROCESS_OPEN, TEMPLATE_ID, TEMPLATE_NAME } from './template-ids';

export * from './template-ids';
export const TEMPLATE_PATH = path.resolve(__dirname, 'mijnwebwinkel-to-factuursturen.json');
export const PKG = 'n8n-nodes-mijnwebwinkel-factuursturen';
export const MWW_CREDENTIAL = {
	type: 'mijnwebwinkelApi',
	id: 'mwwCredentialPh01',
	name: 'Mijnwebwinkel account',
};
export const FS_CREDENTIAL = {
	type: 'factuursturenApi',
	id: 'fsCredentialPh001',
	name: 'Factuursturen account',
};
export const INVOICEABLE_STATUSES = [...DEFAULT_INVOICEABLE_STATUSES];

/** Names of the nodes tests and the demo look at. */
export const N = {
	schedule: 'Every day at 06:00',
	manual: 'Run now',
	form: 'Called by the form',
	settings: 'Run settings',
	mode: 'Which run?',
	unknownMode: 'Unknown mode',
	getDaily: 'Get paid orders (lookback)',
	splitNumbers: 'Order numbers to list',
	splitOut: 'One item per order number',
	getByNumber: 'Get order by number',
	invoiceable: 'Invoiceable status?',
	getRange: 'Get paid orders (date range)',
	debtors: 'Get or create debtors',
	paceDebtors: 'Pace after debtors',
	find: 'Find existing invoices',
	creditOrders: 'Credit orders',
	bookedOriginals: 'Booked originals',
	originalsUnrecorded: 'Originals not on record',
	creditedOriginals: 'Credited originals',
	originalUnread: 'Original not read: the credit searches',
	loop: 'Per order',
	create: 'Create invoice',
	pace: 'Pace (rate limit)',
	batchOutcomes: 'Batch outcomes',
	booked: 'Invoiced?',
	paceReconcile: 'Pace before read-back',
	reconcile: 'Read back and reconcile',
	result: 'Matches the order?',
	asRefused: 'Refused order',
	asNotInvoiceable: 'Status not invoiceable',
	asDebtorFailed: 'Debtor failure',
	asFindFailed: 'Lookup failure',
	asCreateFailed: 'Invoice failure',
	asBooked: 'Invoiced',
	asMismatched: 'Mismatch',
	asReconcileFailed: 'Read-back failure',
	collect: 'Collect outcomes',
	aggregate: 'All outcomes',
	report: 'Report',
	email: 'E-mail the report',
	anyFailed: 'Fail the run?',
	runFailed: 'Run failed',
	recordTable: 'Booking record table',
	toRecord: 'Outcomes to record',
	readRecord: 'Read booking record',
	recordRows: 'Booking record rows',
	writeRecord: 'Write booking record',
	storedBefore: 'Row stored before?',
	addRecord: 'Add new rows',
	openProblems: 'Open problems',
	openList: 'Problems still open',
	openToReprocess: 'Open problems to reprocess',
	withOpen: 'Outcomes and open problems',
	migrationTable: 'Migration table',
	migrationState: 'Migration state',
	plan: 'Plan the slice',
	asPlanFailed: 'Plan failure',
	sliceToBook: 'Slice to book?',
	migrating: 'Migrating?',
	countRange: 'Orders in the range',
	progress: 'Migration progress',
	writeProgress: 'Write migration state',
	lockTable: 'Run lock table',
	lockRowMissing: 'Lock row missing?',
	addLockRow: 'Add lock row',
	takeLock: 'Take the run lock',
	readLock: 'Read the run lock',
	lockOurs: 'Run lock ours?',
	standDown: 'Stand down',
	keepLock: 'Keep the run lock',
	releaseLock: 'Release the run lock',
} as const;

/**
 * The settings a shop owner owns, each set once in the Run settings node; every node that needs one reads it from
 * there (`$('Run settings').first().json.<name>`). Values are as the Set node stores them (arrays and objects as
 * JSON text).
 */
export const OWNED_SETTINGS = {
	invoiceableStatuses: { type: 'array', value: JSON.stringify(INVOICEABLE_STATUSES) },
	lookbackDays: { type: 'number', value: 3 },
	vatRates: { type: 'object', value: JSON.stringify({ '21': '21', '9': '9', '0': '0' }) },
	ossVatRates: { type: 'object', value: '{}' },
	categories: { type: 'object', value: '{}' },
	paymentMethodDebtors: { type: 'object', value: '{}' },
	paidWhen: { type: 'string', value: 'paid_status_or_payment' },
	toleranceCents: { type: 'number', value: 2 },
	failRunOnErrors: { type: 'boolean', value: true },
	homeCountry: { type: 'string', value: 'NL' },
	euDistanceSales: { type: 'string', value: 'below_threshold' },
	// switching over from another connector: what it booked is never booked here
	cutOverDate: { type: 'string', value: '' },
	cutOverOrderNumber: { type: 'string', value: '' },
	invoicesElsewhereIn: { type: 'string', value: 'lines' },
	invoicesElsewherePattern: { type: 'string', value: '' },
	// migrating history: each run books the slice the budget left allows (form, mode migrate)
	apiBudgetPerHour: { type: 'number', value: 60 },
	migrationCallsPerOrder: { type: 'number', value: 2 },
	migrationMaxOrdersPerRun: { type: 'number', value: 500 },
	// one run at a time per shop: runs with the same key (empty: this workflow's id) never book side by side; a lock
	// a crashed run left behind expires after these minutes without renewal
	runLockKey: { type: 'string', value: '' },
	runLockMinutes: { type: 'number', value: 60 },
} as const;
export type OwnedSetting = keyof typeof OWNED_SETTINGS;

/** The expression by which a node reads a value of this run (mode, date range: from the trigger). */
const runValue = (name: 'mode' | 'orderNumbers' | 'dateFrom' | 'dateTo'): string =>
	`$('${N.settings}').first().json.${name}`;

/** The expression by which a node reads one owned setting. */
export const setting = (name: OwnedSetting): string => `$('${N.settings}').first().json.${name}`;

/** Create invoice's mapping as an expression on Run settings; Get or create debtors checks orders against the same */
const INVOICE_MAPPING = `{ ${(['vatRates', 'ossVatRates', 'categories', 'paymentMethodDebtors', 'paidWhen'] as const).map((k) => `${k}: ${setting(k)}`).join(', ')} }`;
const SEND_METHOD = 'mail';

const mwwCredentials = {
	[MWW_CREDENTIAL.type]: { id: MWW_CREDENTIAL.id, name: MWW_CREDENTIAL.name },
};
const fsCredentials = { [FS_CREDENTIAL.type]: { id: FS_CREDENTIAL.id, name: FS_CREDENTIAL.name } };
/**
 * The hourly Factuursturen budget: burst, keeping 1 request for a person at work in Factuursturen. Every request is
 * paced inside the node (none is sent into a spent budget), so no per-order headroom is needed and each hour is used
 * to the last request but one.
 */
const requestOptions = { pacing: 'burst', rateLimitReserve: 1, rateLimitWindowSeconds: 3600 };
/** How invoices made by another connector show their order number (Run settings). */
const invoicesMadeElsewhere = {
	where: `={{ ${setting('invoicesElsewhereIn')} }}`,
	pattern: `={{ ${setting('invoicesElsewherePattern')} }}`,
};
/** Wait of the suggestion of the LAST item (a bulk step spends budget item by item; the last knows what is left). */
const WAIT_FOR_LAST = '={{ $input.last().json.rateLimit?.suggestedWaitSeconds ?? 0 }}';
/** a batch's items come out in output order, not in the order they were answered: the longest wait counts */
const LONGEST_WAIT =
	'Math.max(0, ...$input.all().map(i => i.json.rateLimit?.suggestedWaitSeconds ?? 0))';
/**
 * Orders per loop round: half the requests the budget has before a wait (an order takes one, sometimes two), at
 * least 1 (a wait to pace, or nothing known yet), at most 10, so the run lock (renewed each round) never runs out
 * even when every request of a round waits out its timeout.
 */
const ORDERS_PER_ROUND =
	'={{ Math.min(10, Math.max(1, Math.floor(Math.min(...$input.all().map(i => i.json.rateLimit?.requestsBeforeWait ?? 0)) / 2))) }}';

/**
 * The uniform outcome item every failure branch produces for the report, from an error item of this package's
 * nodes: `{ error, message, details: { code, hint, orderNumber, rateLimit, … } }` (n8n merges the input item's
 * JSON in, so its top-level `rateLimit`/`orderNumber` may be the previous step's: `details` comes first).
 */
function failureFields(b: Builder, stage: string): Json[] {
	return [
		b.field(
			'orderNumber',
			'={{ $json.details?.orderNumber ?? $json.orderNumber ?? $json.number ?? null }}',
		),
		// the second copy of an order listed twice is booked from the first: a skip, not a failure; an item the
		// budget had no room for was not sent: it waits for the next run, it did not fail
		b.field(
			'outcome',
			"={{ $json.details?.code === 'order_listed_twice' ? 'skipped' : $json.details?.code === 'waiting_for_budget' ? 'waiting' : 'failed' }}",
		),
		b.field('refused', '={{ $json.details?.refused === true }}', 'boolean'),
		b.field('stage', stage),
		b.field('code', "={{ $json.details?.code ?? 'unexpected_error' }}"),
		b.field('reason', "={{ $json.message ?? $json.error ?? 'failed' }}"),
		b.field('hint', '={{ $json.details?.hint ?? null }}'),
		b.field('budgetLeft', '={{ $json.details?.rateLimit?.remaining ?? null }}', 'number'),
		...orderFacts(b),
	];
}

/** The Set node that turns the error output of `from` into the outcome item of a failure at `stage`. */
function asFailed(
	b: Builder,
	name: string,
	position: [number, number],
	from: string,
	stage: string,
): void {
	b.set(name, position, failureFields(b, stage));
	b.connect(from, name, 1);
}

/** A Factuursturen node that calls the API: the account, the shared pacing, failures to its error output. */
function factuursturenCall(
	b: Builder,
	name: string,
	position: [number, number],
	parameters: Json,
): void {
	b.node(
		name,
		`${PKG}.factuursturen`,
		1,
		position,
		{ ...parameters, requestOptions },
		{ credentials: fsCredentials, onError: 'continueErrorOutput' },
	);
}

/** A Wait node that waits `amount` seconds (an expression); `webhookSeed` keeps its webhook id stable. */
function pace(
	b: Builder,
	name: string,
	position: [number, number],
	webhookSeed: string,
	amount: string,
): void {
	b.node(
		name,
		'n8n-nodes-base.wait',
		1.1,
		position,
		{ amount, unit: 'seconds' },
		{ webhookId: idFor(webhookSeed) },
	);
}

/** A Data Table node that creates the table `tableName` when it is absent. */
function createTable(
	b: Builder,
	name: string,
	position: [number, number],
	tableName: string,
	columns: ReadonlyArray<{ name: string; type: string }>,
): void {
	b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		position,
		{
			resource: 'table',
			operation: 'create',
			tableName,
			columns: { column: columns.map((c) => ({ name: c.name, type: c.type })) },
			options: { createIfNotExists: true },
		},
		// two first runs at once both create it; the one that loses goes on with the table the other made
		{ executeOnce: true, onError: 'continueRegularOutput' },
	);
}

/** What the booking record keeps of the order itself (the canonical order travels in the item). */
function orderFacts(b: Builder): Json[] {
	return [
		b.field('orderDate', '={{ $json.date ?? $json.details?.orderDate ?? null }}'),
		b.field('orderStatus', '={{ $json.status?.name ?? null }}'),
		b.field('amountCents', '={{ $json.totals?.inclCents ?? null }}', 'number'),
	];
}

/**
 * The Report as readable text (for the e-mail and the execution view): the counts, then one line per order that
 * needs attention with its fix. Built from the same outcome items as the Report's lists.
 */
/** The run stood down: another run held the shop's run lock (see runLock). */
const STOOD_DOWN = `$('${N.standDown}').isExecuted`;
const SUMMARY_TEXT =
	"={{ 'Mijnwebwinkel → Factuursturen, ' + $('" +
	N.settings +
	"').first().json.mode + ' run: ' + " +
	"['sent', 'adopted', 'skipped', 'failed', 'mismatched', 'waiting'].map(k => $json.orders.filter(o => o.outcome === k).length + ' ' + k).join(', ') + '.' + " +
	"$json.orders.filter(o => ['failed', 'mismatched', 'skipped'].includes(o.outcome)).map(o => '\\n- order ' + (o.orderNumber ?? '?') + ' ' + o.outcome + (o.stage ? ' at ' + o.stage : '') + (o.code ? ' [' + o.code + ']' : '') + ': ' + o.reason + (o.hint ? '\\n  fix: ' + o.hint : '')).join('') + " +
	"$json.orders.filter(o => o.duplicateFix).map(o => '\\n- order ' + o.orderNumber + ' invoiced more than once\\n  fix: ' + o.duplicateFix.hint).join('') + " +
	`(${STOOD_DOWN} ? '\\n- stood down, nothing booked: execution ' + $('${N.standDown}').first().json.heldBy + ' holds the run lock until ' + $('${N.standDown}').first().json.heldUntil + '\\n  fix: ' + $('${N.standDown}').first().json.hint : '') }}`;

function mijnwebwinkelOrders(
	b: Builder,
	name: string,
	position: [number, number],
	operationParams: Json,
): void {
	b.node(
		name,
		`${PKG}.mijnwebwinkel`,
		1,
		position,
		// a fetch that fails is retried with backoff (1, 2, 4, 8, 16 s) within two minutes before the run gives up
		{
			resource: 'order',
			...operationParams,
			output: 'normalized',
			homeCountry: `={{ ${setting('homeCountry')} }}`,
			euDistanceSales: `={{ ${setting('euDistanceSales')} }}`,
			refusedOrders: 'error',
			cutOverDate: `={{ ${setting('cutOverDate')} }}`,
			cutOverOrderNumber: `={{ ${setting('cutOverOrderNumber')} }}`,
			requestOptions: { serverErrorRetries: 5, maxWaitSeconds: 120 },
		},
		{ credentials: mwwCredentials, onError: 'continueErrorOutput' },
	);
}

// [node, output]; Run settings comes along so that a day without orders still ends with a Report (all 0):
// the Merge waits for its other inputs, and its item carries no outcome, so nothing counts it
const OUTCOME_INPUTS: Array<[string, number]> = [
	[N.asRefused, 0],
	[N.asNotInvoiceable, 0],
	[N.asDebtorFailed, 0],
	[N.asFindFailed, 0],
	[N.booked, 1],
	[N.asReconcileFailed, 0],
	[N.asMismatched, 0],
	[N.asBooked, 0],
	[N.settings, 0],
	[N.asPlanFailed, 0],
];

const MIGRATION_TABLE_REF = { __rl: true, mode: 'name', value: MIGRATION_TABLE };

const MIGRATION_COSTS = {
	callsPerOrder: `={{ ${setting('migrationCallsPerOrder')} }}`,
	maxSlice: `={{ ${setting('migrationMaxOrdersPerRun')} }}`,
};

const RECORD_TABLE_REF = { __rl: true, mode: 'name', value: BOOKING_RECORD_TABLE };

/** The run lock: one row per lock key, held by one execution at a time (see runLock). */
export const RUN_LOCK_TABLE = 'mijnwebwinkel_factuursturen_run_lock';
export const RUN_LOCK_COLUMNS = [
	{ name: 'lockKey', type: 'string' },
	// the execution that holds it ('' when free), until when (epoch milliseconds; 0 when free), since when, which run
	{ name: 'holder', type: 'string' },
	{ name: 'until', type: 'number' },
	{ name: 'heldSince', type: 'string' },
	{ name: 'mode', type: 'string' },
] as const;
const RUN_LOCK_REF = { __rl: true, mode: 'name', value: RUN_LOCK_TABLE };
const LOCK_KEY = `(${setting('runLockKey')} || $workflow.id)`;
const byLockKey = { keyName: 'lockKey', condition: 'eq', keyValue: `={{ ${LOCK_KEY} }}` };
const heldByThisRun = { keyName: 'holder', condition: 'eq', keyValue: '={{ $execution.id }}' };
/** A Data Table update of the lock row(s) of this shop matching `conditions`, setting `values`. */
function lockUpdate(conditions: Json[], values: Json): Json {
	return {
		resource: 'row',
		operation: 'update',
		dataTableId: RUN_LOCK_REF,
		matchType: 'allConditions',
		filters: { conditions: [byLockKey, ...conditions] },
		columns: { mappingMode: 'defineBelow', value: values, matchingColumns: [], schema: [] },
		options: {},
	};
}

/** The stickies that explain each part of the workflow on the canvas. */
function notes(b: Builder): void {
	b.sticky(
		'Note: setup',
		[-1540, -420],
		400,
		920,
		'## Mijnwebwinkel → Factuursturen\nBooks every paid, shipped or picked-up order as a sales invoice: a **paid sales invoice** when the order is known to be paid (payment captured, or a status name with "Betaald"/"paid"); otherwise (e.g. *Verzonden* with a bank transfer still pending) it is sent **open** until the money arrives. Every invoice paid regardless: set *paidWhen* to "always" in **Run settings**.\n\n### Setup (once)\n1. Credentials: open **Get paid orders** and pick your *Mijnwebwinkel account* (store token + partner token); open **Get or create debtors** and pick your *Factuursturen account* (username + API key).\n2. Every setting you own is in **Run settings**, once; the other nodes read it from there:\n   - *invoiceableStatuses*: status names, e.g. `["Betaald", "Verzonden", "Afgehandeld"]`. Credit orders (returns) are always booked.\n   - *lookbackDays*: the daily run fetches orders whose status changed in these days.\n   - *vatRates*: shop rate → Factuursturen rate, `{"21": "21", "9": "9", "0": "0"}`.\n   - *ossVatRates* (EU consumers above the threshold): each destination rate as your Factuursturen account has it, `{"DE:19": "19", "BE:21": "21"}`. Without it an OSS order is refused with this hint, never booked at Dutch VAT.\n   - *categories*: Factuursturen category id per VAT regime, `{"domestic": "3", "oss": "4"}`.\n   - *paymentMethodDebtors*: payment method → fixed client number, `{"cash": "1001"}` (no e-mail lookup for those orders). The keys are your shop\'s method names: add a Mijnwebwinkel node, Resource **Payment Method**, Operation **Get Many**, pick your Mijnwebwinkel account and run it once (Execute step); the *mappingKey* of each item is a key to use (*displayName* is what your customers see).\n   - *paidWhen*: `paid_status_or_payment` (paid when known paid, else open) or `always`.\n   - *toleranceCents*: read-back differences up to this many cents are accepted.\n   - *homeCountry*: the VAT country of the shop (`NL`).\n   - *euDistanceSales*: `below_threshold` (EU consumer sales abroad stay at or below €10,000 a year and you have not opted for OSS: home VAT is booked as domestic) or `oss` (above the threshold or registered for OSS: an order charging home VAT to a consumer in another EU state is refused, destination VAT is owed). A tax choice: ask your bookkeeper.\n   - *failRunOnErrors*: `true` ends a run with failed or mismatched orders, an order invoiced twice or a failed fetch in error (**Run failed**), so n8n lists it as failed and your Error Workflow runs.\n   - Switching over from another connector: *cutOverDate* (orders dated before it) and *cutOverOrderNumber* (orders numbered up to it) are never booked (skipped, `before_cut_over`); *invoicesElsewhereIn* (`lines`, `line1`, `line2`, `line3`) and *invoicesElsewherePattern* (a regular expression with one capture group, e.g. `Bestelnummer:?\\s*(\\d+)`) recognise its invoices, so the orders it booked are adopted, never booked twice.\n   - *runLockKey*, *runLockMinutes*: one run at a time per shop, see **One run at a time**.\n3. Publish the workflow: the schedule runs daily at 06:00 (Europe/Amsterdam, workflow settings).\n\nRun now: the **Execute workflow** button (or **Run now**). Reprocess order numbers or migrate history: import and publish the form workflow (`mijnwebwinkel-reprocess-form.json`) as well; its form at `<your n8n>/form/' +
			FORM_PATH +
			'` runs this workflow through **' +
			N.form +
			'** (Mode reprocess or migrate).\n\n### Returns\nA credit order (a status the shop marks as credit, e.g. *Gecrediteerd*) becomes a **credit invoice** with negative amounts that names the invoice of the original order. Orders are booked in order-number order, so an original fetched in the same run is invoiced before its credit. A credit whose original has no invoice in Factuursturen is not booked: the report lists it (`original_invoice_not_found`) with the fix: invoice the original first (reprocess its number), then reprocess the credit.',
		4,
	);
	b.sticky(
		'Note: fetch',
		[440, -420],
		1040,
		260,
		'### Fetch\nDaily: orders (and credit orders: returns) whose status changed in the last **Lookback Days** (default 3: also catches orders fetched before but not yet invoiced). Test orders are left out. Orders that cannot be invoiced as they are (totals that do not add up, a rate that cannot be mapped, …) go to the error output with a hint and end up in the report; the others go on. A day without orders still ends with a Report (all 0).',
		6,
	);
	b.sticky(
		'Note: debtors',
		[1520, -420],
		840,
		260,
		"### Duplicates and debtors, in bulk\nOne invoice list finds orders that were invoiced before: those are adopted, never invoiced twice (also after a lost response). A credit order names its original's invoice from that list or the booking record; an original neither knows is read from Mijnwebwinkel for its date, so the list can reach back to it. One client list for all orders: a debtor is matched on the exact e-mail, created when missing, **never changed** when present. Failures leave through each node's error output into the report.",
		6,
	);
	b.sticky(
		'Note: per order',
		[2400, -420],
		880,
		260,
		'### Per order\nOne invoice per order (paid or open, see the setup note), in rounds of up to 10 orders: as many as the budget has room for before a wait (`rateLimit.requestsBeforeWait`), one at a time once it is nearly spent. **Pace** waits as long as the Factuursturen node suggests (`rateLimit.suggestedWaitSeconds`): no wait while more than the reserve (1) of the hourly budget is left, then until the budget renews. Every Factuursturen node also paces its own requests: none is sent into a spent budget; an order the hour has no room for is reported as *waiting for budget* (not failed) and booked by the next run. A refused order becomes its report line and goes back into the loop with the round, so the other orders go on.',
		6,
	);
	b.sticky(
		'Note: report',
		[3320, -420],
		1300,
		260,
		'### Read back and report\nEvery invoice is read back (one list request) and compared with its order: totals, VAT per rate, paid or open, customer. **Report** is one item: sent, adopted, skipped and failed orders with the reason and how to fix it, mismatches, paid and open invoices, and the API budget left. Its *summary* is the same as readable text: **E-mail the report** sends it once you enable it (right-click → Activate) and pick your SMTP credential and addresses.',
		6,
	);

	b.sticky(
		'Note: booking record',
		[4660, -420],
		900,
		300,
		`### Booking record\nOne row per order in the n8n Data Table **${BOOKING_RECORD_TABLE}** (created on the first run, kept in n8n's own database, so it outlives the execution log): order number and date, status, invoice number, amount, paid or open, outcome (sent, adopted, refused, failed, mismatched, skipped), code and fix, first and last tried, booked at. **Report** lists every problem still open, oldest first, also from earlier days; a problem leaves the list once its order is booked. To retry them all: the form, Mode "${REPROCESS_OPEN}". Open the table under *Overview → Data tables*.`,
		6,
	);
}

/** The three triggers and Run settings, the one node that holds every setting a user owns. */
function triggersAndSettings(b: Builder): void {
	b.node(N.schedule, 'n8n-nodes-base.scheduleTrigger', 1.2, [-1100, 0], {
		rule: { interval: [{ field: 'days', triggerAtHour: 6 }] },
	});
	b.node(N.manual, 'n8n-nodes-base.manualTrigger', 1, [-1100, 200], {});
	// the form workflow hands its submission (Mode, Order numbers, From date, To date) through unchanged
	b.node(N.form, 'n8n-nodes-base.executeWorkflowTrigger', 1.1, [-1100, 400], {
		inputSource: 'passthrough',
	});
	for (const t of [N.schedule, N.manual, N.form]) b.connect(t, N.settings);
	// conversion errors stop the run here: a typo in a setting must not travel on as text
	b.set(
		N.settings,
		[-880, 200],
		[
			b.field('mode', "={{ $json['Mode'] || 'daily' }}"),
			b.field('orderNumbers', "={{ $json['Order numbers'] || '' }}"),
			b.field('dateFrom', "={{ $json['From date'] || '' }}"),
			b.field('dateTo', "={{ $json['To date'] || '' }}"),
			...Object.entries(OWNED_SETTINGS).map(([name, s]) => b.field(name, s.value, s.type)),
		],
		{ ignoreConversionErrors: false },
	);
}

/**
 * The run lock: one run at a time per shop. n8n's Data Table update is one `UPDATE … WHERE` statement (Postgres and
 * SQLite alike), so of two runs that try at once only one changes the row; on SQLite the rows the node returns are
 * read before that statement and may include a row it did not change, so the row read back afterwards decides. A
 * run that does not hold the lock stands down before anything is fetched or booked; the lock is renewed before
 * every Wait (covering the wait) and released after the Report; a run that crashed holds it until it expires.
 */
function runLock(b: Builder): void {
	b.sticky(
		'Note: run lock',
		[-700, -420],
		1100,
		260,
		`### One run at a time\nA run first takes this shop's row in the Data Table **${RUN_LOCK_TABLE}** (created on the first run): only when no other run holds it, or the other's lock expired. A second run started meanwhile (a manual run during the scheduled one, two form submissions) **stands down**: it books nothing, and its Report says which execution holds the lock and until when (\`stoodDown\`, not \`ok\`). The lock is renewed before every wait and released after the Report; one left by a crashed run expires after *runLockMinutes* (Run settings). Two workflows for one shop: give both the same *runLockKey*.`,
		6,
	);
	createTable(b, N.lockTable, [-660, 200], RUN_LOCK_TABLE, RUN_LOCK_COLUMNS);
	b.connect(N.settings, N.lockTable);
	// the shop's row exists before it is taken (this branch runs first: it sits above). Two first runs may both add
	// one: the take below changes every row of the key at once, and a run holds the lock only when it holds them all
	b.node(N.lockRowMissing, 'n8n-nodes-base.dataTable', 1.1, [-440, 80], {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: RUN_LOCK_REF,
		matchType: 'allConditions',
		filters: { conditions: [byLockKey] },
	});
	b.connect(N.lockTable, N.lockRowMissing);
	b.node(N.addLockRow, 'n8n-nodes-base.dataTable', 1.1, [-220, 80], {
		resource: 'row',
		operation: 'insert',
		dataTableId: RUN_LOCK_REF,
		columns: {
			mappingMode: 'defineBelow',
			value: { lockKey: `={{ ${LOCK_KEY} }}`, holder: '', until: 0, heldSince: '', mode: '' },
			matchingColumns: [],
			schema: [],
		},
		options: {},
	});
	b.connect(N.lockRowMissing, N.addLockRow);
	// take it only where it is free or expired; whatever this answers (also an error), the read-back decides
	b.node(
		N.takeLock,
		'n8n-nodes-base.dataTable',
		1.1,
		[-440, 200],
		lockUpdate([{ keyName: 'until', condition: 'lt', keyValue: '={{ $now.toMillis() }}' }], {
			holder: '={{ $execution.id }}',
			until: `={{ $now.toMillis() + ${setting('runLockMinutes')} * 60000 }}`,
			heldSince: '={{ $now.toISO() }}',
			mode: `={{ ${runValue('mode')} }}`,
		}),
		{ executeOnce: true, alwaysOutputData: true, onError: 'continueRegularOutput' },
	);
	b.connect(N.lockTable, N.takeLock);
	b.node(
		N.readLock,
		'n8n-nodes-base.dataTable',
		1.1,
		[-220, 200],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: RUN_LOCK_REF,
			matchType: 'allConditions',
			filters: { conditions: [byLockKey] },
			returnAll: true,
		},
		{ executeOnce: true, alwaysOutputData: true },
	);
	b.connect(N.takeLock, N.readLock);
	b.node(
		N.lockOurs,
		'n8n-nodes-base.if',
		2.2,
		[0, 200],
		ifParams(
			`={{ $('${N.readLock}').all().every(r => r.json.holder === $execution.id && r.json.until > $now.toMillis()) }}`,
		),
		{ executeOnce: true },
	);
	b.connect(N.readLock, N.lockOurs);
	// the run that does not hold the lock: what the Report tells about it (it goes on to the Report, booking nothing)
	// (a key may have two rows, when two first runs each added one: each holder is named once)
	const others = `$('${N.readLock}').all().map(r => r.json).filter(r => r.holder && r.holder !== $execution.id)`;
	b.set(
		N.standDown,
		[240, 400],
		[
			b.field('lockKey', `={{ ${LOCK_KEY} }}`),
			b.field('heldBy', `={{ [...new Set(${others}.map(r => r.holder))].join(', ') }}`),
			b.field('heldByMode', `={{ [...new Set(${others}.map(r => r.mode))].join(', ') }}`),
			b.field(
				'heldUntil',
				`={{ ${others}.length ? DateTime.fromMillis(Math.max(...${others}.map(r => r.until))).toISO() : null }}`,
			),
			b.field(
				'hint',
				'Another run of this shop was booking (see heldBy: its execution id). It books the orders; nothing was booked here. Run again after it ends; a run that crashed holds the lock until heldUntil (runLockMinutes in Run settings).',
			),
		],
		{ extra: { executeOnce: true } },
	);
	b.connect(N.lockOurs, N.standDown, 1);

	// renewed before every wait, for as long as the wait plus the TTL (it sits above each Wait: it runs first)
	b.node(
		N.keepLock,
		'n8n-nodes-base.dataTable',
		1.1,
		[3300, -300],
		lockUpdate([heldByThisRun], {
			until: `={{ $now.toMillis() + (${LONGEST_WAIT} + ${setting('runLockMinutes')} * 60) * 1000 }}`,
		}),
		{ executeOnce: true, onError: 'continueRegularOutput' },
	);
	b.connect(N.debtors, N.keepLock, 0);
	b.connect(N.batchOutcomes, N.keepLock);
	b.connect(N.booked, N.keepLock, 0);

	// released after the Report (above the e-mail and Fail the run?: it runs first), and before an unknown mode stops
	b.node(
		N.releaseLock,
		'n8n-nodes-base.dataTable',
		1.1,
		[5340, -120],
		lockUpdate([heldByThisRun], { holder: '', until: 0 }),
		{ executeOnce: true, onError: 'continueRegularOutput' },
	);
	b.connect(N.report, N.releaseLock);
	b.connect(N.mode, N.releaseLock, 4);
}

/** Which run? sends the run down the branch of its mode. */
function whichRun(b: Builder): void {
	b.node(N.mode, 'n8n-nodes-base.switch', 3.2, [460, 200], {
		rules: {
			values: [
				switchRule('daily', `={{ ${runValue('mode')} === 'daily' }}`),
				switchRule('reprocess', `={{ ${runValue('mode')} === 'reprocess' }}`),
				switchRule('migrate', `={{ ${runValue('mode')} === 'migrate' }}`),
				switchRule('open problems', `={{ ${runValue('mode')} === '${REPROCESS_OPEN}' }}`),
			],
		},
		options: { fallbackOutput: 'extra' },
	});
	// only the run that holds the lock goes on (its input is the lock's row: each branch reads Run settings)
	b.connect(N.lockOurs, N.mode, 0);
	b.node(N.unknownMode, 'n8n-nodes-base.stopAndError', 1, [700, 640], {
		errorMessage: `={{ 'Unknown mode "' + ${runValue('mode')} + '": use daily, reprocess, ${REPROCESS_OPEN} or migrate (Run settings)' }}`,
	});
	b.connect(N.mode, N.unknownMode, 4);
	// every order the booking record lists as a problem still open goes the reprocess way (its rows carry orderNumber)
	b.node(N.openToReprocess, 'n8n-nodes-base.dataTable', 1.1, [900, 300], {
		resource: 'row',
		operation: 'get',
		dataTableId: { __rl: true, mode: 'name', value: BOOKING_RECORD_TABLE },
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'openProblem', condition: 'isTrue' }] },
		returnAll: true,
		orderBy: true,
		orderByColumn: 'firstTried',
		orderByDirection: 'ASC',
	});
	b.connect(N.mode, N.openToReprocess, 3);
}

/** Fetch: the daily lookback, or the order numbers to reprocess. */
function fetch(b: Builder): void {
	mijnwebwinkelOrders(b, N.getDaily, [700, 0], {
		operation: 'getAll',
		returnAll: true,
		filters: {
			statuses: `={{ ${setting('invoiceableStatuses')} }}`,
			includeCreditOrders: true,
			statusChangedLastDays: `={{ ${setting('lookbackDays')} }}`,
		},
	});
	b.connect(N.mode, N.getDaily, 0);

	b.set(
		N.splitNumbers,
		[700, 200],
		[
			b.field(
				'orderNumber',
				`={{ ${runValue('orderNumbers')}.split(/[\\s,;]+/).filter(n => n) }}`,
				'array',
			),
		],
	);
	b.connect(N.mode, N.splitNumbers, 1);
	b.node(N.splitOut, 'n8n-nodes-base.splitOut', 1, [900, 200], {
		fieldToSplitOut: 'orderNumber',
		options: {},
	});
	b.connect(N.splitNumbers, N.splitOut);
	mijnwebwinkelOrders(b, N.getByNumber, [1100, 200], {
		operation: 'get',
		orderNumber: '={{ $json.orderNumber }}',
	});
	b.connect(N.splitOut, N.getByNumber);
	b.connect(N.openToReprocess, N.getByNumber);
	// a reprocessed order is fetched whatever its status: invoice it only when its status means paid, or when it
	// is a credit order (a return: it becomes a credit invoice naming the original)
	// names compared as the order nodes compare them (case and surrounding spaces do not count)
	b.node(
		N.invoiceable,
		'n8n-nodes-base.if',
		2.2,
		[1300, 200],
		ifParams(
			`={{ $json.status?.isCredit === true || ${setting('invoiceableStatuses')}.map(s => String(s).trim().toLowerCase()).includes(String($json.status?.name ?? '').trim().toLowerCase()) }}`,
		),
	);
	b.connect(N.getByNumber, N.invoiceable, 0);
}

/** Migrate: the slice of history this run books. */
function migrationSlice(b: Builder): void {
	// migrate: one slice per execution, as many orders after the last one done as the budget left allows; the state
	// (cursor, counts, expected end) is a row of its own Data Table, so a restart of n8n loses nothing
	createTable(b, N.migrationTable, [520, 520], MIGRATION_TABLE, MIGRATION_COLUMNS);
	b.connect(N.mode, N.migrationTable, 2);
	b.node(
		N.migrationState,
		'n8n-nodes-base.dataTable',
		1.1,
		[560, 520],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: MIGRATION_TABLE_REF,
			matchType: 'allConditions',
			filters: {
				conditions: [
					{
						keyName: 'range',
						condition: 'eq',
						keyValue: `={{ $workflow.id + ':' + ${runValue('dateFrom')} + '..' + ${runValue('dateTo')} }}`,
					},
				],
			},
			returnAll: false,
			limit: 1,
		},
		{ alwaysOutputData: true },
	);
	b.connect(N.migrationTable, N.migrationState);
	b.node(
		N.plan,
		`${PKG}.factuursturen`,
		1,
		[600, 520],
		{
			resource: 'bookingRecord',
			operation: 'planMigrationSlice',
			dateFrom: `={{ ${runValue('dateFrom')} }}`,
			dateTo: `={{ ${runValue('dateTo')} }}`,
			// one state row per workflow and range: two shops in one n8n migrate apart
			scope: '={{ $workflow.id }}',
			...MIGRATION_COSTS,
			requestOptions,
		},
		{ credentials: fsCredentials, onError: 'continueErrorOutput' },
	);
	b.connect(N.migrationState, N.plan);
	b.node(
		N.sliceToBook,
		'n8n-nodes-base.if',
		2.2,
		[640, 520],
		ifParams('={{ $json.sliceSize > 0 }}'),
	);
	b.connect(N.plan, N.sliceToBook, 0);
	mijnwebwinkelOrders(b, N.getRange, [700, 420], {
		operation: 'getAll',
		returnAll: false,
		limit: '={{ $json.sliceSize }}',
		ordering: 'asc',
		filters: {
			statuses: `={{ ${setting('invoiceableStatuses')} }}`,
			includeCreditOrders: true,
			orderDateFrom: '={{ $json.fetchFrom }}',
			orderDateTo: '={{ $json.dateTo }}',
			afterOrderNumber: '={{ $json.afterOrderNumber }}',
		},
	});
	b.connect(N.sliceToBook, N.getRange, 0);
}

/** Duplicate check, in bulk, first: credit notes' originals from the same list or the booking record. */
function duplicateCheck(b: Builder): void {
	const orderSources = [N.getDaily, N.invoiceable, N.getRange];
	// above the duplicate check, so it runs first: the booking record's rows of the orders credit orders credit
	b.node(
		N.creditOrders,
		'n8n-nodes-base.filter',
		2.2,
		[1540, -180],
		ifParams('={{ !!$json.creditsOrderNumber }}'),
	);
	for (const source of orderSources) b.connect(source, N.creditOrders, 0);
	b.node(
		N.bookedOriginals,
		'n8n-nodes-base.dataTable',
		1.1,
		[1760, -260],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: RECORD_TABLE_REF,
			matchType: 'allConditions',
			filters: {
				conditions: [
					{
						keyName: 'orderNumber',
						condition: 'eq',
						keyValue: '={{ $json.creditsOrderNumber }}',
					},
				],
			},
			returnAll: false,
			limit: 1,
		},
		{ alwaysOutputData: true },
	);
	b.connect(N.creditOrders, N.bookedOriginals);
	// an original the record does not know: its date from Mijnwebwinkel, so the invoice list can reach back to it
	b.node(N.originalsUnrecorded, 'n8n-nodes-base.dataTable', 1.1, [1760, -100], {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: RECORD_TABLE_REF,
		matchType: 'allConditions',
		filters: {
			conditions: [
				{ keyName: 'orderNumber', condition: 'eq', keyValue: '={{ $json.creditsOrderNumber }}' },
			],
		},
	});
	b.connect(N.creditOrders, N.originalsUnrecorded);
	// as Mijnwebwinkel has it (raw): only its number and date are used, whatever else it holds
	b.node(
		N.creditedOriginals,
		`${PKG}.mijnwebwinkel`,
		1,
		[1980, -100],
		{
			resource: 'order',
			operation: 'get',
			orderNumber: '={{ $json.creditsOrderNumber }}',
			output: 'raw',
			requestOptions: { serverErrorRetries: 5, maxWaitSeconds: 120 },
		},
		// an original that cannot be read is left to the credit note's own search
		{ credentials: mwwCredentials, onError: 'continueErrorOutput' },
	);
	b.connect(N.originalsUnrecorded, N.creditedOriginals);
	// not an order's failure: without the date the credit note looks its original up itself (one search)
	b.node(N.originalUnread, 'n8n-nodes-base.noOp', 1, [2200, -100], {});
	b.connect(N.creditedOriginals, N.originalUnread, 1);
	const ifRan = (node: string): string =>
		`={{ $('${node}').isExecuted ? $('${node}').all().map(i => i.json) : [] }}`;
	// every Factuursturen node sends its failures to its error output (output 1)
	factuursturenCall(b, N.find, [1540, 60], {
		resource: 'invoice',
		operation: 'findByOrders',
		invoicesMadeElsewhere,
		bookedOriginals: ifRan(N.bookedOriginals),
		creditedOrders: ifRan(N.creditedOriginals),
	});
	for (const source of orderSources) b.connect(source, N.find, 0);
}

/** Debtors, in bulk: a credit order's original as the duplicate check found it, so no search for it. */
function debtors(b: Builder): void {
	factuursturenCall(b, N.debtors, [1760, 60], {
		resource: 'client',
		operation: 'getOrCreateByEmail',
		debtorSource: 'order',
		lookupStrategy: 'all',
		includeInput: true,
		mappingJson: `={{ { paymentMethodDebtors: ${setting('paymentMethodDebtors')} } }}`,
		// Create invoice's settings: an order it would refuse is refused here, before a debtor is created
		invoiceSettings: `={{ { mappingJson: ${INVOICE_MAPPING}, invoiceableStatuses: ${setting('invoiceableStatuses')}, sendMethod: '${SEND_METHOD}' } }}`,
	});
	b.connect(N.find, N.debtors, 0);
	pace(b, N.paceDebtors, [1980, 60], 'pace-debtors', WAIT_FOR_LAST);
	b.connect(N.debtors, N.paceDebtors, 0);
}

/** Per order: create the invoice, paced. */
function perOrder(b: Builder): void {
	b.node(N.loop, 'n8n-nodes-base.splitInBatches', 3, [2420, 80], {
		batchSize: ORDERS_PER_ROUND,
		options: {},
	});
	b.connect(N.paceDebtors, N.loop, 0);
	factuursturenCall(b, N.create, [2640, 160], {
		resource: 'invoice',
		operation: 'createFromOrder',
		sendMethod: SEND_METHOD,
		mappingJson: `={{ ${INVOICE_MAPPING} }}`,
		invoiceableStatuses: `={{ ${setting('invoiceableStatuses')} }}`,
		invoicesMadeElsewhere,
	});
	b.connect(N.loop, N.create, 1);
	// a failed order becomes its outcome inside the loop (keeping the budget facts for Pace) and goes back in
	b.set(
		N.asCreateFailed,
		[2860, 360],
		[
			...failureFields(b, 'invoice'),
			b.field('rateLimit', '={{ $json.details?.rateLimit ?? null }}', 'object'),
		],
	);
	b.connect(N.create, N.asCreateFailed, 1);
	// invoices and failures of one round into one stream, so the round is paced (and goes back in) once
	b.node(N.batchOutcomes, 'n8n-nodes-base.merge', 3.2, [3080, 260], {});
	b.connect(N.create, N.batchOutcomes, 0, 0);
	b.connect(N.asCreateFailed, N.batchOutcomes, 0, 1);
	pace(b, N.pace, [3300, 260], 'pace-loop', `={{ ${LONGEST_WAIT} }}`);
	b.connect(N.batchOutcomes, N.pace);
	b.connect(N.pace, N.loop);
}

/** Read back and reconcile, in bulk. */
function readBack(b: Builder): void {
	// after the loop: read back (bulk); the loop's "done" output holds invoices and failures alike
	b.node(
		N.booked,
		'n8n-nodes-base.if',
		2.2,
		[2860, -120],
		ifParams("={{ $json.outcome !== 'failed' }}"),
	);
	b.connect(N.loop, N.booked, 0);
	pace(b, N.paceReconcile, [3080, -120], 'pace-reconcile', WAIT_FOR_LAST);
	b.connect(N.booked, N.paceReconcile, 0);
	factuursturenCall(b, N.reconcile, [3320, -120], {
		resource: 'invoice',
		operation: 'reconcile',
		toleranceCents: `={{ ${setting('toleranceCents')} }}`,
		mismatchOutput: 'main',
	});
	b.connect(N.paceReconcile, N.reconcile);
	b.node(N.result, 'n8n-nodes-base.switch', 3.2, [3540, -200], {
		rules: {
			values: [
				switchRule('mismatch', '={{ $json.reconciliation?.ok === false }}'),
				switchRule('booked', '={{ $json.reconciliation?.ok === true }}'),
			],
		},
		options: {},
	});
	b.connect(N.reconcile, N.result, 0);
}

/** Outcomes: one uniform item per order, from every branch. */
function outcomes(b: Builder): void {
	b.set(
		N.asRefused,
		[1540, 640],
		[
			b.field('orderNumber', '={{ $json.details?.orderNumber ?? null }}'),
			// test orders and orders before the cut-over are not booked, and nothing is wrong with them
			b.field(
				'outcome',
				"={{ $json.details?.skip === true || $json.details?.code === 'test_order' ? 'skipped' : 'failed' }}",
			),
			b.field('stage', 'fetch'),
			b.field('code', "={{ $json.details?.code ?? 'unexpected_error' }}"),
			b.field('reason', '={{ $json.message ?? $json.error }}'),
			b.field('hint', '={{ $json.details?.hint ?? null }}'),
			b.field('refused', '={{ $json.details?.refused === true }}', 'boolean'),
			b.field('orderDate', '={{ $json.details?.orderDate ?? null }}'),
		],
	);
	b.connect(N.getDaily, N.asRefused, 1);
	b.connect(N.getByNumber, N.asRefused, 1);
	b.connect(N.getRange, N.asRefused, 1);
	b.set(
		N.asNotInvoiceable,
		[1540, 440],
		[
			b.field('orderNumber', '={{ $json.number }}'),
			b.field('outcome', 'skipped'),
			b.field('stage', 'fetch'),
			b.field('code', 'status_not_invoiceable'),
			b.field(
				'reason',
				"={{ 'Order ' + $json.number + ' has status \"' + $json.status?.name + '\", which is not invoiceable' }}",
			),
			b.field(
				'hint',
				`Invoice it once it is paid, shipped or picked up; or add its status to invoiceableStatuses in ${N.settings} and reprocess it.`,
			),
			...orderFacts(b),
		],
	);
	b.connect(N.invoiceable, N.asNotInvoiceable, 1);
	asFailed(b, N.asDebtorFailed, [1980, 640], N.debtors, 'debtor');
	asFailed(b, N.asPlanFailed, [700, 800], N.plan, 'migration plan');
	asFailed(b, N.asFindFailed, [1760, 640], N.find, 'duplicate check');
	b.set(
		N.asBooked,
		[3760, -300],
		[
			b.field('orderNumber', '={{ $json.orderNumber }}'),
			b.field('outcome', "={{ $json.invoiceAction === 'created' ? 'sent' : 'adopted' }}"),
			b.field('invoicenr', '={{ $json.invoicenr }}'),
			// sent paid (alreadypaid) only when the order is known paid; otherwise open until the money arrives
			b.field('paid', '={{ $json.settled ?? $json.paidOnInvoice !== false }}', 'boolean'),
			b.field('clientnr', '={{ $json.clientnr ?? null }}'),
			b.field('debtorAction', '={{ $json.debtorAction ?? null }}'),
			b.field('budgetLeft', '={{ $json.rateLimit?.remaining ?? null }}', 'number'),
			...orderFacts(b),
			// the order has more than one invoice: which to keep and which to credit (from the nodes)
			b.field('duplicateFix', '={{ $json.duplicateFix ?? null }}', 'object'),
		],
	);
	b.connect(N.result, N.asBooked, 1);
	b.set(
		N.asMismatched,
		[3760, -120],
		[
			b.field('orderNumber', '={{ $json.orderNumber }}'),
			b.field('outcome', 'mismatched'),
			b.field('invoicenr', '={{ $json.invoicenr }}'),
			b.field('differences', '={{ $json.reconciliation.differences }}', 'array'),
			b.field(
				'reason',
				"={{ 'Invoice ' + $json.invoicenr + ' differs from order ' + $json.orderNumber + ': ' + $json.reconciliation.differences.map(d => d.field).join(', ') }}",
			),
			b.field(
				'hint',
				"={{ $json.reconciliation.differences.map(d => d.hint).filter(h => h).join(' ') }}",
			),
			b.field('budgetLeft', '={{ $json.rateLimit?.remaining ?? null }}', 'number'),
			...orderFacts(b),
			b.field('duplicateFix', '={{ $json.duplicateFix ?? null }}', 'object'),
		],
	);
	b.connect(N.result, N.asMismatched, 0);
	asFailed(b, N.asReconcileFailed, [3760, 60], N.reconcile, 'read-back');
}

/** The booking record's table, created when absent. */
function bookingRecordTable(b: Builder): void {
	// the booking record's table exists (created the first time) before anything reads or writes it: it sits above
	// "Which run?", and n8n runs the branches of one output top to bottom
	createTable(b, N.recordTable, [460, -140], BOOKING_RECORD_TABLE, BOOKING_RECORD_COLUMNS);
	b.connect(N.settings, N.recordTable);
}

/** Collect outcomes: every outcome branch (and Run settings) into one Merge. */
function collectOutcomes(b: Builder): void {
	b.node(N.collect, 'n8n-nodes-base.merge', 3.2, [4000, 200], {
		numberInputs: OUTCOME_INPUTS.length,
	});
	OUTCOME_INPUTS.forEach(([from, output], i) => b.connect(from, N.collect, output, i));
}

/** Booking record: one row per order, kept across executions. */
function bookingRecord(b: Builder): void {
	// the booking record: one row per order, kept across executions. This branch sits ABOVE "All outcomes":
	// n8n runs the branches of one output top to bottom, each to its end, so the record is written before the
	// open problems are read back for the report
	b.node(
		N.toRecord,
		'n8n-nodes-base.filter',
		2.2,
		[4220, -40],
		ifParams('={{ !!$json.orderNumber && !!$json.outcome }}'),
	);
	b.connect(N.collect, N.toRecord);
	const byOrderNumber = {
		conditions: [{ keyName: 'orderNumber', condition: 'eq', keyValue: '={{ $json.orderNumber }}' }],
	};
	b.node(
		N.readRecord,
		'n8n-nodes-base.dataTable',
		1.1,
		[4440, -40],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: RECORD_TABLE_REF,
			matchType: 'allConditions',
			filters: byOrderNumber,
			returnAll: false,
			limit: 1,
		},
		{ alwaysOutputData: true },
	);
	b.connect(N.toRecord, N.readRecord);
	b.node(N.recordRows, `${PKG}.factuursturen`, 1, [4660, -40], {
		resource: 'bookingRecord',
		operation: 'buildRows',
		outcomes: `={{ $('${N.toRecord}').all().map(i => i.json) }}`,
	});
	b.connect(N.readRecord, N.recordRows);
	// a new order's row is added with the others in one insert; a stored one is updated where it is
	b.node(
		N.storedBefore,
		'n8n-nodes-base.if',
		2.2,
		[4880, -40],
		ifParams('={{ $json.id != null }}'),
	);
	b.connect(N.recordRows, N.storedBefore);
	b.node(N.addRecord, 'n8n-nodes-base.dataTable', 1.1, [5100, 80], {
		resource: 'row',
		operation: 'insert',
		dataTableId: RECORD_TABLE_REF,
		columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [] },
		options: { optimizeBulk: true },
	});
	b.connect(N.storedBefore, N.addRecord, 1);
	b.node(N.writeRecord, 'n8n-nodes-base.dataTable', 1.1, [5100, -40], {
		resource: 'row',
		operation: 'upsert',
		dataTableId: RECORD_TABLE_REF,
		matchType: 'allConditions',
		filters: byOrderNumber,
		columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [] },
		options: {},
	});
	b.connect(N.storedBefore, N.writeRecord, 0);
}

/** Migration progress, kept per range. */
function migrationProgress(b: Builder): void {
	// a migration's progress, after its slice (between the record and the report, for the same reason)
	b.node(
		N.migrating,
		'n8n-nodes-base.if',
		2.2,
		[4220, 80],
		ifParams(`={{ ${runValue('mode')} === 'migrate' && $('${N.plan}').isExecuted }}`),
	);
	b.connect(N.collect, N.migrating);
	b.node(
		N.countRange,
		`${PKG}.mijnwebwinkel`,
		1,
		[4440, 80],
		{
			resource: 'order',
			operation: 'count',
			filters: {
				statuses: `={{ ${setting('invoiceableStatuses')} }}`,
				includeCreditOrders: true,
				orderDateFrom: `={{ ${runValue('dateFrom')} }}`,
				orderDateTo: `={{ ${runValue('dateTo')} }}`,
			},
		},
		{ credentials: mwwCredentials, onError: 'continueErrorOutput', executeOnce: true },
	);
	b.connect(N.migrating, N.countRange, 0);
	b.node(N.progress, `${PKG}.factuursturen`, 1, [4660, 80], {
		resource: 'bookingRecord',
		operation: 'migrationProgress',
		// branch 0 named: with its error output wired, n8n's default branch for $('…').all() is not the main one
		plan: `={{ $('${N.plan}').all(0, 0).map(i => i.json) }}`,
		outcomes: `={{ $('${N.collect}').all().map(i => i.json) }}`,
		total: '={{ $json.count ?? null }}',
		budgetPerWindow: `={{ ${setting('apiBudgetPerHour')} }}`,
		...MIGRATION_COSTS,
	});
	// without the count (its failure) the progress is still kept, without "left"
	b.connect(N.countRange, N.progress, 0);
	b.connect(N.countRange, N.progress, 1);
	b.node(N.writeProgress, 'n8n-nodes-base.dataTable', 1.1, [4880, 80], {
		resource: 'row',
		operation: 'upsert',
		dataTableId: MIGRATION_TABLE_REF,
		matchType: 'allConditions',
		filters: {
			conditions: [{ keyName: 'range', condition: 'eq', keyValue: '={{ $json.range }}' }],
		},
		columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [] },
		options: {},
	});
	b.connect(N.progress, N.writeProgress);
}

/** Report: one item with the counts, lists and fixes. */
function report(b: Builder): void {
	b.node(N.aggregate, 'n8n-nodes-base.aggregate', 1, [4220, 200], {
		aggregate: 'aggregateAllItemData',
		destinationFieldName: 'orders',
		options: {},
	});
	b.connect(N.collect, N.aggregate);
	// every problem still open, not only today's, oldest first
	b.node(
		N.openProblems,
		'n8n-nodes-base.dataTable',
		1.1,
		[4440, 400],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: RECORD_TABLE_REF,
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'openProblem', condition: 'isTrue' }] },
			returnAll: true,
			orderBy: true,
			orderByColumn: 'firstTried',
			orderByDirection: 'ASC',
		},
		{ alwaysOutputData: true, executeOnce: true },
	);
	b.connect(N.aggregate, N.openProblems);
	b.node(N.openList, 'n8n-nodes-base.aggregate', 1, [4660, 400], {
		aggregate: 'aggregateAllItemData',
		destinationFieldName: 'openProblems',
		options: {},
	});
	b.connect(N.openProblems, N.openList);
	b.node(N.withOpen, 'n8n-nodes-base.merge', 3.2, [4880, 200], {
		mode: 'combine',
		combineBy: 'combineByPosition',
		options: {},
	});
	b.connect(N.aggregate, N.withOpen, 0, 0);
	b.connect(N.openList, N.withOpen, 0, 1);
	const count = (outcome: string) =>
		b.field(
			outcome,
			`={{ $json.orders.filter(o => o.outcome === '${outcome}').length }}`,
			'number',
		);
	const list = (name: string, outcome: string) =>
		b.field(
			name,
			`={{ $json.orders.filter(o => o.outcome === '${outcome}').map(o => ({ orderNumber: o.orderNumber, stage: o.stage, code: o.code, reason: o.reason, hint: o.hint, invoicenr: o.invoicenr })) }}`,
			'array',
		);
	b.set(
		N.report,
		[5100, 200],
		[
			b.field('mode', `={{ $('${N.settings}').first().json.mode }}`),
			count('sent'),
			count('adopted'),
			count('skipped'),
			count('failed'),
			count('mismatched'),
			list('failedOrders', 'failed'),
			list('mismatchedOrders', 'mismatched'),
			list('skippedOrders', 'skipped'),
			b.field(
				'waitingForBudget',
				"={{ $json.orders.filter(o => o.outcome === 'waiting').length }}",
				'number',
			),
			list('waitingForBudgetOrders', 'waiting'),
			b.field(
				'paidInvoices',
				"={{ $json.orders.filter(o => (o.outcome === 'sent' || o.outcome === 'adopted') && o.paid).length }}",
				'number',
			),
			b.field(
				'openInvoices',
				"={{ $json.orders.filter(o => (o.outcome === 'sent' || o.outcome === 'adopted') && !o.paid).length }}",
				'number',
			),
			b.field(
				'invoices',
				"={{ $json.orders.filter(o => o.outcome === 'sent' || o.outcome === 'adopted').map(o => ({ orderNumber: o.orderNumber, invoicenr: o.invoicenr, outcome: o.outcome, paid: o.paid })) }}",
				'array',
			),
			b.field(
				'apiBudgetLeft',
				'={{ $json.orders.map(o => o.budgetLeft).filter(n => typeof n === "number").pop() ?? null }}',
				'number',
			),
			b.field('summary', SUMMARY_TEXT),
			b.field(
				'migration',
				`={{ $('${N.progress}').isExecuted ? $('${N.progress}').all(0, 0)[0]?.json ?? null : ($('${N.plan}').isExecuted ? $('${N.plan}').all(0, 0)[0]?.json.state ?? null : null) }}`,
				'object',
			),
			b.field(
				'openProblems',
				'={{ ($json.openProblems ?? []).filter(p => p.orderNumber).map(p => ({ orderNumber: p.orderNumber, orderDate: p.orderDate, outcome: p.outcome, stage: p.stage, code: p.code, reason: p.reason, fix: p.fix, invoiceNumber: p.invoiceNumber, firstTried: p.firstTried, lastTried: p.lastTried, attempts: p.attempts })) }}',
				'array',
			),
			// orders with more than one invoice (booked twice, this run or earlier), each with the invoice to credit
			b.field('duplicates', '={{ $json.orders.filter(o => o.duplicateFix).length }}', 'number'),
			b.field(
				'duplicateInvoices',
				'={{ $json.orders.filter(o => o.duplicateFix).map(o => o.duplicateFix) }}',
				'array',
			),
			// creates whose answer was lost and could not be confirmed: not sent again, settled by the next run
			b.field(
				'outcomeUnknown',
				"={{ $json.orders.filter(o => o.code === 'outcome_unknown').length }}",
				'number',
			),
			// false when the order fetch itself failed: the next run's lookback catches up on the day
			b.field(
				'fetchComplete',
				"={{ !$json.orders.some(o => o.outcome === 'failed' && o.stage === 'fetch' && !o.orderNumber) }}",
				'boolean',
			),
			// another run held the shop's run lock: this one booked nothing (who holds it, until when, what to do)
			b.field('stoodDown', `={{ ${STOOD_DOWN} }}`, 'boolean'),
			b.field(
				'runLock',
				`={{ ${STOOD_DOWN} ? $('${N.standDown}').first().json : null }}`,
				'object',
			),
			// green only when nothing needs a person: no failure, no mismatch, no duplicate, the whole day fetched, and
			// the run was not stood down
			b.field(
				'ok',
				`={{ $json.orders.every(o => o.outcome !== 'failed' && o.outcome !== 'mismatched' && !o.duplicateFix) && !$json.orders.some(o => o.stage === 'fetch' && !o.orderNumber) && !${STOOD_DOWN} }}`,
				'boolean',
			),
		],
	);
	b.connect(N.withOpen, N.report);
}

/** After the report: the e-mail, then failing the run when something needs a person. */
function afterReport(b: Builder): void {
	// after the report: the e-mail (disabled until the user sets it up), then a run with failures ends in error
	// so that n8n lists it as failed and its Error Workflow runs (Run settings: failRunOnErrors)
	b.node(
		N.email,
		'n8n-nodes-base.emailSend',
		2.1,
		[5340, 80],
		{
			resource: 'email',
			operation: 'send',
			fromEmail: 'n8n@example.com',
			toEmail: 'bookkeeping@example.com',
			subject: `={{ 'Mijnwebwinkel → Factuursturen: ' + $json.sent + ' sent, ' + $json.failed + ' failed, ' + $json.mismatched + ' mismatched' }}`,
			emailFormat: 'text',
			text: '={{ $json.summary }}',
			options: {},
		},
		{ disabled: true },
	);
	b.connect(N.report, N.email);
	b.node(
		N.anyFailed,
		'n8n-nodes-base.if',
		2.2,
		[5340, 320],
		ifParams(`={{ ${setting('failRunOnErrors')} === true && $json.ok === false }}`),
	);
	b.connect(N.report, N.anyFailed);
	b.node(N.runFailed, 'n8n-nodes-base.stopAndError', 1, [5560, 300], {
		errorMessage:
			"={{ $json.stoodDown ? 'Stood down: execution ' + $json.runLock.heldBy + ' holds the run lock of this shop until ' + $json.runLock.heldUntil + '; this run booked nothing (open its Report node)' : $json.failed + ' order(s) failed, ' + $json.mismatched + ' mismatched, ' + $json.duplicates + ' invoiced more than once' + ($json.fetchComplete ? '' : ', the order fetch failed') + ' (' + $json.sent + ' sent, ' + $json.adopted + ' adopted): open the Report node of this execution for each order and its fix' }}",
	});
	b.connect(N.anyFailed, N.runFailed, 0);
}

export function buildTemplate(): Json {
	const b = createBuilder();
	notes(b);
	triggersAndSettings(b);
	runLock(b);
	whichRun(b);
	fetch(b);
	migrationSlice(b);
	duplicateCheck(b);
	debtors(b);
	perOrder(b);
	readBack(b);
	outcomes(b);
	bookingRecordTable(b);
	collectOutcomes(b);
	bookingRecord(b);
	migrationProgress(b);
	report(b);
	afterReport(b);
	return workflowFile(TEMPLATE_ID, TEMPLATE_NAME, b, { callerPolicy: 'workflowsFromSameOwner' });
}

export function templateJsonText(): string {
	return jsonText(buildTemplate());
}

if (require.main === module) writeWorkflowFile(TEMPLATE_PATH, templateJsonText());
