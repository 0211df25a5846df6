/**
 * Every setting the shop owner owns is set once, in the template's Run settings node, and every node that uses it
 * reads it from there: change it in that one place and each of those nodes follows. The nodes' expressions are
 * evaluated here as plain JavaScript against the Run settings values (n8n evaluates the same text), and the
 * resulting mapping goes through the core's own mapping validation.
 */
import { parseMapping } from '../../core/factuursturen/invoice-mapping';
import { Mijnwebwinkel } from '../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { paymentMethodItems } from '../../nodes/Mijnwebwinkel/helpers/paymentMethods';
import {
	buildTemplate,
	INVOICEABLE_STATUSES,
	N,
	OWNED_SETTINGS,
	type OwnedSetting,
} from '../../workflows/mijnwebwinkel-to-factuursturen';
import { templateVariant, type RunSettings } from '../../scripts/demo/setup';

interface NodeJson {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	disabled?: boolean;
}
interface Assignment {
	name: string;
	value: unknown;
	type: string;
}
type Wf = { nodes: NodeJson[] };

const base = buildTemplate() as unknown as Wf;
const byName = (wf: Wf, name: string): NodeJson => {
	const n = wf.nodes.find((x) => x.name === name);
	if (!n) throw new Error(`no node "${name}"`);
	return n;
};

/** The Run settings values as the Set node outputs them (lists and objects are stored as JSON text). */
function settingsOf(wf: Wf): Record<string, unknown> {
	const list = (byName(wf, N.settings).parameters.assignments as { assignments: Assignment[] })
		.assignments;
	return Object.fromEntries(
		list.map((a) => [
			a.name,
			(a.type === 'array' || a.type === 'object') && typeof a.value === 'string'
				? JSON.parse(a.value)
				: a.value,
		]),
	);
}

/** Evaluates `={{ … }}` expressions in a node's parameters with `$('Run settings')` and `$json`. */
function resolve(wf: Wf, value: unknown, json: Record<string, unknown> = {}): unknown {
	const settings = settingsOf(wf);
	const $ = (name: string) => {
		if (name !== N.settings) {
			// a node that did not run in the case checked (the migration's): only whether it ran may be asked
			const notRun = () => {
				throw new Error(`expression reads node "${name}"`);
			};
			return { isExecuted: false, first: notRun, all: notRun };
		}
		return { first: () => ({ json: settings }) };
	};
	if (typeof value === 'string' && value.startsWith('={{') && value.endsWith('}}')) {
		return new Function('$', '$json', `return (${value.slice(3, -2)});`)($, json);
	}
	if (Array.isArray(value)) return value.map((v) => resolve(wf, v, json));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(wf, v, json)]));
	return value;
}

/** The node parameter values that mention a Run setting, resolved. */
const param = (wf: Wf, node: string, path: string[], json?: Record<string, unknown>): unknown => {
	let v: unknown = byName(wf, node).parameters;
	for (const k of path) v = (v as Record<string, unknown>)[k];
	return resolve(wf, v, json);
};

/** The nodes whose parameters read a given setting. */
const readers = (wf: Wf, name: OwnedSetting): string[] =>
	wf.nodes
		.filter((n) => n.name !== N.settings && JSON.stringify(n.parameters).includes(`json.${name}`))
		.map((n) => n.name)
		.sort();

const variant = (settings: RunSettings): Wf =>
	templateVariant({ id: 'settingsTest', settings }, base as never) as unknown as Wf;

describe('template: every owned setting is set once, in Run settings', () => {
	it('Run settings holds each owned setting exactly once, typed, with the documented defaults', () => {
		const list = (byName(base, N.settings).parameters.assignments as { assignments: Assignment[] })
			.assignments;
		for (const name of Object.keys(OWNED_SETTINGS))
			expect([name, list.filter((a) => a.name === name).length]).toEqual([name, 1]);
		expect(settingsOf(base)).toMatchObject({
			invoiceableStatuses: INVOICEABLE_STATUSES,
			lookbackDays: 3,
			vatRates: { '21': '21', '9': '9', '0': '0' },
			ossVatRates: {},
			paidWhen: 'paid_status_or_payment',
			toleranceCents: 2,
			failRunOnErrors: true,
		});
	});

	it('no other node keeps a copy: no status names, VAT tables, fixed debtors or tolerance of its own', () => {
		const copies: string[] = [];
		for (const n of base.nodes.filter(
			(x) => x.name !== N.settings && x.type !== 'n8n-nodes-base.stickyNote',
		)) {
			const text = JSON.stringify(n.parameters);
			for (const status of INVOICEABLE_STATUSES)
				if (text.includes(`"${status}"`) || text.includes(`\\"${status}\\"`))
					copies.push(`${n.name}: status ${status}`);
			for (const key of ['vatRates', 'ossVatRates', 'categories', 'paymentMethodDebtors'])
				if (key in n.parameters) copies.push(`${n.name}: ${key} parameter`);
			if (typeof n.parameters.toleranceCents === 'number')
				copies.push(`${n.name}: toleranceCents ${n.parameters.toleranceCents}`);
			if (/statusChangedLastDays":\d/.test(text)) copies.push(`${n.name}: its own lookback`);
		}
		expect(copies).toEqual([]);
	});

	it('each setting is read by the nodes that use it', () => {
		// Create invoice refuses other statuses itself; Get or create debtors checks orders against Create invoice's settings
		// (Orders in the range: a migration's count of what it has to book)
		expect(readers(base, 'invoiceableStatuses')).toEqual(
			[N.getRange, N.getDaily, N.invoiceable, N.create, N.debtors, N.countRange].sort(),
		);
		expect(readers(base, 'lookbackDays')).toEqual([N.getDaily]);
		for (const k of ['vatRates', 'ossVatRates', 'categories', 'paidWhen'] as const)
			expect(readers(base, k)).toEqual([N.create, N.debtors].sort());
		expect(readers(base, 'paymentMethodDebtors')).toEqual([N.create, N.debtors].sort());
		expect(readers(base, 'toleranceCents')).toEqual([N.reconcile]);
		expect(readers(base, 'failRunOnErrors')).toEqual([N.anyFailed]);
		for (const k of ['homeCountry', 'euDistanceSales'] as const)
			expect(readers(base, k)).toEqual([N.getRange, N.getByNumber, N.getDaily].sort());
		// the run lock: its key names the shop's row in every lock node; its lifetime is set where it is taken or kept
		expect(readers(base, 'runLockKey')).toEqual(
			[
				N.lockRowMissing,
				N.addLockRow,
				N.takeLock,
				N.readLock,
				N.standDown,
				N.keepLock,
				N.releaseLock,
			].sort(),
		);
		expect(readers(base, 'runLockMinutes')).toEqual([N.takeLock, N.keepLock].sort());
	});

	it('adding a status (Afgehandeld) in Run settings: both fetches ask for it and the reprocess check lets it through', () => {
		const afgehandeld = { number: '2001', status: { name: 'Afgehandeld', isCredit: false } };
		const condition = (wf: Wf) =>
			param(wf, N.invoiceable, ['conditions', 'conditions', '0', 'leftValue'], afgehandeld);
		expect(condition(base)).toBe(false);
		const wf = variant({ invoiceableStatuses: [...INVOICEABLE_STATUSES, 'Afgehandeld'] });
		for (const node of [N.getDaily, N.getRange])
			expect(param(wf, node, ['filters', 'statuses'])).toEqual([
				...INVOICEABLE_STATUSES,
				'Afgehandeld',
			]);
		expect(condition(wf)).toBe(true);
		// names compare as the order nodes compare them
		expect(
			param(wf, N.invoiceable, ['conditions', 'conditions', '0', 'leftValue'], {
				status: { name: ' afgehandeld ' },
			}),
		).toBe(true);
		// credit orders pass whatever the list
		expect(
			param(base, N.invoiceable, ['conditions', 'conditions', '0', 'leftValue'], {
				status: { name: 'Gecrediteerd', isCredit: true },
			}),
		).toBe(true);
	});

	it('home country and EU distance sales (a tax choice) follow Run settings in all three order nodes', () => {
		const wf = variant({ euDistanceSales: 'oss', homeCountry: 'BE' });
		for (const node of [N.getDaily, N.getByNumber, N.getRange]) {
			expect([
				node,
				param(base, node, ['euDistanceSales']),
				param(base, node, ['homeCountry']),
			]).toEqual([node, 'below_threshold', 'NL']);
			expect([
				node,
				param(wf, node, ['euDistanceSales']),
				param(wf, node, ['homeCountry']),
			]).toEqual([node, 'oss', 'BE']);
		}
	});

	it('lookback and tolerance follow Run settings', () => {
		const wf = variant({ lookbackDays: 7, toleranceCents: 5 });
		expect(param(base, N.getDaily, ['filters', 'statusChangedLastDays'])).toBe(3);
		expect(param(wf, N.getDaily, ['filters', 'statusChangedLastDays'])).toBe(7);
		expect(param(wf, N.reconcile, ['toleranceCents'])).toBe(5);
	});

	it('VAT and OSS rates, categories, paid rule and fixed debtors reach Create invoice (a valid mapping), the fixed debtors Get or create debtors too', () => {
		const wf = variant({
			vatRates: { '21': '21', '9': '9', '0': '0', '13': '13' },
			ossVatRates: { 'DE:19': '19', 'BE:6': '6' },
			categories: { domestic: '3', oss: '4' },
			paymentMethodDebtors: { cash: '1001' },
			paidWhen: 'always',
		});
		const mapping = parseMapping(param(wf, N.create, ['mappingJson']));
		expect(mapping).toMatchObject({
			vatRates: { '21': '21', '9': '9', '0': '0', '13': '13' },
			ossVatRates: { 'DE:19': '19', 'BE:6': '6' },
			categories: { domestic: '3', oss: '4' },
			paymentMethodDebtors: { cash: '1001' },
			paidWhen: 'always',
		});
		expect(parseMapping(param(wf, N.debtors, ['mappingJson'])).paymentMethodDebtors).toEqual({
			cash: '1001',
		});
		// Get or create debtors checks every order against exactly Create invoice's settings before it writes a debtor
		const checks = param(wf, N.debtors, ['invoiceSettings']) as Record<string, unknown>;
		expect(parseMapping(checks.mappingJson)).toEqual(mapping);
		expect(checks.invoiceableStatuses).toEqual(param(wf, N.create, ['invoiceableStatuses']));
		expect(checks.sendMethod).toBe(byName(wf, N.create).parameters.sendMethod);
		// the shipped defaults are a valid mapping as well
		expect(parseMapping(param(base, N.create, ['mappingJson'])).vatRates).toEqual({
			'21': '21',
			'9': '9',
			'0': '0',
		});
	});

	it('failRunOnErrors: the run ends in error only when the option is on and the Report is not ok (a failed, mismatched or twice-invoiced order, or a failed fetch)', () => {
		const report = (orders: Array<Record<string, unknown>>): Record<string, unknown> =>
			Object.fromEntries(
				(
					param(base, N.report, ['assignments', 'assignments'], {
						orders: [...orders, { mode: 'daily' }],
					}) as Array<{ name: string; value: unknown }>
				).map((a) => [a.name, a.value]),
			);
		const fails = (wf: Wf, orders: Array<Record<string, unknown>>) =>
			param(wf, N.anyFailed, ['conditions', 'conditions', '0', 'leftValue'], report(orders));
		expect(
			fails(base, [
				{ outcome: 'sent', orderNumber: '1' },
				{ outcome: 'skipped', orderNumber: '5', code: 'order_listed_twice' },
			]),
		).toBe(false);
		expect(
			fails(base, [
				{ outcome: 'failed', orderNumber: '2', stage: 'invoice', code: 'outcome_unknown' },
			]),
		).toBe(true);
		expect(fails(base, [{ outcome: 'mismatched', orderNumber: '3' }])).toBe(true);
		expect(
			fails(base, [
				{
					outcome: 'adopted',
					orderNumber: '4',
					duplicateFix: { orderNumber: '4', hint: 'Keep invoice 7; credit 9' },
				},
			]),
		).toBe(true);
		expect(
			fails(base, [{ outcome: 'failed', orderNumber: null, stage: 'fetch', code: 'http_503' }]),
		).toBe(true);
		expect(
			fails(variant({ failRunOnErrors: false }), [{ outcome: 'failed', orderNumber: '2' }]),
		).toBe(false);
		expect(
			report([
				{ outcome: 'failed', orderNumber: '2', code: 'outcome_unknown' },
				{ outcome: 'adopted', orderNumber: '4', duplicateFix: { hint: 'h' } },
			]),
		).toMatchObject({
			ok: false,
			outcomeUnknown: 1,
			duplicates: 1,
			duplicateInvoices: [{ hint: 'h' }],
			fetchComplete: true,
		});
	});

	it('the Report has a readable summary, and the e-mail branch is ready but disabled', () => {
		const summary = param(base, N.report, ['assignments', 'assignments'], {
			orders: [
				{ outcome: 'sent', orderNumber: '1' },
				{
					outcome: 'failed',
					orderNumber: '2',
					stage: 'invoice',
					code: 'oss_rate_not_mapped',
					reason: 'No OSS rate for DE 19 %',
					hint: 'Add "DE:19": "19" to ossVatRates in Run settings',
				},
				{ mode: 'daily' },
			],
		}) as Array<{ name: string; value: unknown }>;
		const text = String(summary.find((a) => a.name === 'summary')?.value);
		expect(text).toContain('1 sent, 0 adopted, 0 skipped, 1 failed, 0 mismatched');
		expect(text).toContain(
			'\n- order 2 failed at invoice [oss_rate_not_mapped]: No OSS rate for DE 19 %\n  fix: Add "DE:19"',
		);
		const withDuplicate = param(base, N.report, ['assignments', 'assignments'], {
			orders: [
				{
					outcome: 'adopted',
					orderNumber: '4',
					duplicateFix: {
						orderNumber: '4',
						hint: 'Keep invoice 7; credit 9 with a credit invoice',
					},
				},
				{ mode: 'daily' },
			],
		}) as Array<{ name: string; value: unknown }>;
		expect(String(withDuplicate.find((a) => a.name === 'summary')?.value)).toContain(
			'\n- order 4 invoiced more than once\n  fix: Keep invoice 7; credit 9',
		);
		const email = byName(base, N.email);
		expect(email.disabled).toBe(true);
		expect(email.parameters.text).toBe('={{ $json.summary }}');
	});

	it('the setup note shows where the paymentMethodDebtors keys come from, an operation the Mijnwebwinkel node has', () => {
		const note = String(byName(base, 'Note: setup').parameters.content);
		const line = note.split('\n').find((l) => l.includes('*paymentMethodDebtors*'))!;
		expect(line).toContain('Resource **Payment Method**, Operation **Get Many**');
		expect(line).toContain('*mappingKey*');
		const props = new Mijnwebwinkel().description.properties;
		const resource = props.find((p) => p.name === 'resource')!.options as Array<{
			name: string;
			value: string;
		}>;
		const value = resource.find((o) => o.name === 'Payment Method')!.value;
		const operation = props.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
		)!;
		expect((operation.options as Array<{ name: string }>).map((o) => o.name)).toContain('Get Many');
		expect(
			Object.keys(
				paymentMethodItems({ gateways: [{ name: 'basic', methods: [{ name: 'cash' }] }] })[0],
			),
		).toContain('mappingKey');
	});
});
