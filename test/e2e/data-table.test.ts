/**
 * Why the template runs inside `n8n start`: in n8n 2.41.1 `n8n execute` never initialises n8n's backend modules, so
 * a Data table node finds no Data Table helpers there ("the module is disabled"); inside a running n8n the same
 * workflow creates its table, upserts a row by key and reads it back, also after a restart of n8n.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	createN8nHome,
	executeWorkflow,
	importWorkflow,
	killAllN8n,
	locateRuntime,
	nodeOutput,
	packProbePackage,
	startRunner,
	type N8nHome,
	type ServerRunner,
} from '../../scripts/n8n';

jest.setTimeout(10 * 60_000);

const TABLE = 'harness_probe_record';
const ID = 'dataTableProbe001';
const node = (
	name: string,
	type: string,
	x: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) => ({
	id: name.replace(/\W/g, ''),
	name,
	type,
	typeVersion: type.endsWith('dataTable') ? 1.1 : type.endsWith('.set') ? 3.4 : 1,
	position: [x, 0],
	parameters,
	...extra,
});
const table = { __rl: true, mode: 'name', value: TABLE };
const workflow = {
	id: ID,
	name: 'Data table probe',
	nodes: [
		node('Manual', 'n8n-nodes-base.manualTrigger', 0, {}),
		node(
			'Create table',
			'n8n-nodes-base.dataTable',
			200,
			{
				resource: 'table',
				operation: 'create',
				tableName: TABLE,
				columns: {
					column: [
						{ name: 'key', type: 'string' },
						{ name: 'runs', type: 'number' },
					],
				},
				options: { createIfNotExists: true },
			},
			{ executeOnce: true },
		),
		node(
			'Read',
			'n8n-nodes-base.dataTable',
			400,
			{
				resource: 'row',
				operation: 'get',
				dataTableId: table,
				matchType: 'allConditions',
				filters: { conditions: [{ keyName: 'key', condition: 'eq', keyValue: 'k' }] },
				returnAll: true,
			},
			{ alwaysOutputData: true },
		),
		node('Next', 'n8n-nodes-base.set', 600, {
			mode: 'raw',
			jsonOutput: '={{ { key: "k", runs: ($json.runs ?? 0) + 1 } }}',
			options: {},
		}),
		node('Upsert', 'n8n-nodes-base.dataTable', 800, {
			resource: 'row',
			operation: 'upsert',
			dataTableId: table,
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'key', condition: 'eq', keyValue: '={{ $json.key }}' }] },
			columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [] },
			options: {},
		}),
	],
	connections: Object.fromEntries(
		[
			['Manual', 'Create table'],
			['Create table', 'Read'],
			['Read', 'Next'],
			['Next', 'Upsert'],
		].map(([from, to]) => [from, { main: [[{ node: to, type: 'main', index: 0 }]] }]),
	),
	settings: { executionOrder: 'v1', saveManualExecutions: true },
};

describe('Data tables in n8n 2.41.1', () => {
	let home: N8nHome;
	let runner: ServerRunner | undefined;
	const scratch: string[] = [];

	beforeAll(async () => {
		locateRuntime();
		const tarball = await packProbePackage();
		scratch.push(path.dirname(tarball));
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-datatable-'));
		scratch.push(dir);
		home = createN8nHome({ dir, tarball });
		await importWorkflow(home, workflow);
	});

	afterAll(async () => {
		await runner?.stop();
		killAllN8n();
		for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
	});

	it('n8n execute: a Data table node fails, the module is not initialised there', async () => {
		const result = await executeWorkflow(home, ID, { allowFailure: true });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('module is disabled');
		expect(result.error?.node?.name).toBe('Create table');
	});

	it('inside n8n start: the table is created once, a row upserted by key, and kept across a restart', async () => {
		runner = await startRunner(home);
		const runs: number[] = [];
		for (let i = 0; i < 3; i++) {
			if (i === 2) await runner.restart();
			const result = await runner.run(ID);
			runs.push(Number(nodeOutput(result, 'Upsert')[0].runs));
		}
		expect(runs).toEqual([1, 2, 3]);
	});
});
