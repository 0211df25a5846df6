/**
 * The bundled template opens cleanly in the editor: the committed JSON is what its source generates, every node
 * type and version exists (n8n-nodes-base types as n8n 2.41.1 ships them, this package's from its node classes),
 * every parameter is one the node version knows, option values are allowed ones, credentials are placeholders
 * re-linked by name and type, and every connection joins existing nodes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Factuursturen } from '../../nodes/Factuursturen/Factuursturen.node';
import { Mijnwebwinkel } from '../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import { locateRuntime } from '../../scripts/n8n';
import {
	FORM_TEMPLATE_ID,
	FS_CREDENTIAL,
	MWW_CREDENTIAL,
	N,
	PKG,
	TEMPLATE_ID,
	TEMPLATE_PATH,
	templateJsonText,
} from '../../workflows/mijnwebwinkel-to-factuursturen';
import {
	FORM_TEMPLATE_PATH,
	formTemplateJsonText,
} from '../../workflows/mijnwebwinkel-reprocess-form';

interface TemplateNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
	position: [number, number];
}

type Desc = Pick<INodeTypeDescription, 'name' | 'version' | 'properties'> & {
	credentials?: Array<{
		name: string;
		required?: boolean;
		displayOptions?: INodeProperties['displayOptions'];
	}>;
};

function baseTypes(): Desc[] {
	const file = path.join(
		locateRuntime().n8nModulesDir,
		'n8n-nodes-base',
		'dist',
		'types',
		'nodes.json',
	);
	return JSON.parse(fs.readFileSync(file, 'utf8')) as Desc[];
}

const ours: Record<string, Desc> = {
	[`${PKG}.mijnwebwinkel`]: new Mijnwebwinkel().description,
	[`${PKG}.factuursturen`]: new Factuursturen().description,
};

function describeOf(types: Desc[], node: TemplateNode): Desc | undefined {
	if (ours[node.type]) return ours[node.type];
	const short = node.type.replace(/^n8n-nodes-base\./, '');
	return types.find(
		(t) => t.name === short && ([] as number[]).concat(t.version).includes(node.typeVersion),
	);
}

/** `{ _cnd: { gte: 2.2 } }` and the like, as n8n's display conditions on @version */
function versionCondition(a: unknown, version: number): boolean {
	const cnd = (a as { _cnd?: Record<string, number> })?._cnd;
	if (!cnd) return true;
	return Object.entries(cnd).every(([op, v]) =>
		op === 'lte'
			? version <= v
			: op === 'lt'
				? version < v
				: op === 'gte'
					? version >= v
					: op === 'gt'
						? version > v
						: op === 'eq'
							? version === v
							: true,
	);
}

/** Is `prop` shown for these parameter values (displayOptions.show/hide on plain values only)? */
function shown(prop: INodeProperties, params: Record<string, unknown>, version: number): boolean {
	const matches = (cond: Record<string, unknown[] | undefined>, wantAll: boolean): boolean => {
		const results = Object.entries(cond).map(([key, allowed]) => {
			if (!allowed) return true;
			if (key === '@version')
				return allowed.some((a) =>
					typeof a === 'number' ? a === version : versionCondition(a, version),
				);
			const value = params[key.replace(/^\//, '')];
			return allowed.some((a) => (typeof a === 'object' ? true : a === value));
		});
		return wantAll ? results.every(Boolean) : results.some(Boolean);
	};
	const show = prop.displayOptions?.show as Record<string, unknown[]> | undefined;
	const hide = prop.displayOptions?.hide as Record<string, unknown[]> | undefined;
	if (show && !matches(show, true)) return false;
	if (hide && matches(hide, false)) return false;
	return true;
}

// the sync workflow, and the form workflow that calls it (backwards: the connections allowed to go right to left)
describe.each([
	{
		file: TEMPLATE_PATH,
		generate: templateJsonText,
		id: TEMPLATE_ID,
		backwards: ['Pace (rate limit) → Per order'],
	},
	{
		file: FORM_TEMPLATE_PATH,
		generate: formTemplateJsonText,
		id: FORM_TEMPLATE_ID,
		backwards: [] as string[],
	},
])('bundled template JSON $id', ({ file, generate, id, backwards: allowedBackwards }) => {
	const text = fs.readFileSync(file, 'utf8');
	const wf = JSON.parse(text) as {
		id: string;
		nodes: TemplateNode[];
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
		settings: Record<string, unknown>;
	};

	it('is what workflows/*.ts generate', () => {
		expect(text).toBe(generate());
	});

	it('has a short id, unique node names, the time zone and v1 execution order', () => {
		expect(wf.id).toBe(id);
		expect(wf.id.length).toBeLessThanOrEqual(21);
		expect(new Set(wf.nodes.map((n) => n.name)).size).toBe(wf.nodes.length);
		expect(wf.settings).toMatchObject({ timezone: 'Europe/Amsterdam', executionOrder: 'v1' });
	});

	it('uses only node types and versions n8n 2.41.1 and this package have, with parameters they know', () => {
		const types = baseTypes();
		const problems: string[] = [];
		for (const node of wf.nodes) {
			const d = describeOf(types, node);
			if (!d) {
				problems.push(`${node.name}: unknown type ${node.type} v${node.typeVersion}`);
				continue;
			}
			// display conditions see unset parameters at their defaults, as the editor does
			const withDefaults: Record<string, unknown> = {};
			for (const p of d.properties)
				if (withDefaults[p.name] === undefined && shown(p, node.parameters, node.typeVersion))
					withDefaults[p.name] = p.default;
			const effective = { ...withDefaults, ...node.parameters };
			const props = d.properties.filter((p) => shown(p, effective, node.typeVersion));
			for (const [key, value] of Object.entries(node.parameters)) {
				const candidates = props.filter((p) => p.name === key);
				if (candidates.length === 0) {
					problems.push(
						`${node.name}: parameter "${key}" is not a parameter of ${node.type} v${node.typeVersion} here`,
					);
					continue;
				}
				if (typeof value === 'string' && value.startsWith('=')) continue;
				const options = candidates.flatMap((p) =>
					p.type === 'options' && p.options
						? p.options.map((o) => (o as { value: unknown }).value)
						: [],
				);
				if (
					options.length &&
					candidates.every((p) => p.type === 'options') &&
					!options.includes(value)
				) {
					problems.push(
						`${node.name}: "${key}" = ${JSON.stringify(value)} is not one of ${JSON.stringify(options)}`,
					);
				}
				// collections: every key is one of the collection's options
				for (const p of candidates.filter(
					(c) => c.type === 'collection' && value && typeof value === 'object',
				)) {
					const known = (p.options as INodeProperties[]).map((o) => o.name);
					for (const k of Object.keys(value as object))
						if (!known.includes(k)) problems.push(`${node.name}: "${key}.${k}" is unknown`);
				}
			}
			for (const p of props) {
				if (
					p.required &&
					node.parameters[p.name] === undefined &&
					(p.default === '' || p.default === undefined)
				) {
					problems.push(`${node.name}: required parameter "${p.name}" is missing`);
				}
			}
			for (const [credType, ref] of Object.entries(node.credentials ?? {})) {
				const expected = [MWW_CREDENTIAL, FS_CREDENTIAL].find((c) => c.type === credType);
				if (!expected || expected.name !== ref.name || expected.id !== ref.id)
					problems.push(`${node.name}: credential ${credType} ${JSON.stringify(ref)}`);
				if (!(d.credentials ?? []).some((c) => c.name === credType))
					problems.push(`${node.name}: node takes no ${credType} credential`);
			}
			// a credential the node shows for these parameters must be set (Booking Record hides it: no API call)
			const needed = (d.credentials ?? []).filter(
				(c) => c.required && shown(c as unknown as INodeProperties, effective, node.typeVersion),
			);
			if (ours[node.type] && needed.length > 0 && !node.credentials)
				problems.push(`${node.name}: no credential set`);
		}
		expect(problems).toEqual([]);
	});

	it('connects existing nodes only, and every node but triggers and notes has an input', () => {
		const names = new Set(wf.nodes.map((n) => n.name));
		const targets = new Set<string>();
		for (const [from, c] of Object.entries(wf.connections)) {
			expect(names.has(from)).toBe(true);
			for (const out of c.main)
				for (const to of out) {
					expect(names.has(to.node)).toBe(true);
					targets.add(to.node);
				}
		}
		const orphan = wf.nodes
			.filter((n) => !/Trigger|stickyNote/i.test(n.type) && !targets.has(n.name))
			.map((n) => n.name);
		expect(orphan).toEqual([]);
	});

	it("routes every package node's failures through its error output, with no If inspecting $json.error", () => {
		const problems: string[] = [];
		// Booking Record makes no API call: its only failure is a defect, and a run that cannot keep its record fails
		for (const n of wf.nodes.filter(
			(x) => x.type.startsWith(`${PKG}.`) && x.parameters.resource !== 'bookingRecord',
		)) {
			if (n.onError !== 'continueErrorOutput') problems.push(`${n.name}: onError ${n.onError}`);
			const errorTargets = wf.connections[n.name]?.main[1] ?? [];
			if (errorTargets.length === 0) problems.push(`${n.name}: error output not connected`);
		}
		for (const n of wf.nodes.filter((x) => /\.(if|switch|filter)$/.test(x.type))) {
			if (/\$json\.error\b/.test(JSON.stringify(n.parameters)))
				problems.push(`${n.name}: routes on $json.error`);
		}
		// the shipped template maps no OSS rates: the account's rates are the user's to add (sticky note)
		for (const n of wf.nodes.filter((x) => x.type === `${PKG}.factuursturen`))
			if (n.parameters.ossVatRates) problems.push(`${n.name}: ossVatRates set`);
		const settings = wf.nodes.find((n) => n.name === N.settings)?.parameters as
			| { assignments: { assignments: Array<{ name: string; value: unknown }> } }
			| undefined;
		const oss = settings?.assignments.assignments.find((a) => a.name === 'ossVatRates');
		if (oss && Object.keys(JSON.parse(String(oss.value))).length)
			problems.push(`${N.settings}: ossVatRates set`);
		expect(problems).toEqual([]);
	});

	it('is laid out left to right: every connection goes right, except back into the loop', () => {
		const pos = new Map(wf.nodes.map((n) => [n.name, n.position[0]]));
		const backwards: string[] = [];
		for (const [from, c] of Object.entries(wf.connections)) {
			for (const out of c.main)
				for (const to of out)
					if (pos.get(to.node)! <= pos.get(from)!) backwards.push(`${from} → ${to.node}`);
		}
		expect(backwards).toEqual(allowedBackwards);
	});
});
