/**
 * Smoke E2E of the real-n8n harness (scripts/n8n): a fresh home with packed packages installed as community
 * packages, credentials and workflows imported, workflows run by `n8n execute` and read back, then `n8n start`
 * with an owner, login, a public-API key, and the public API listing the workflow and the CLI executions.
 * Each n8n CLI start costs 5–15 s on this machine, so the suite keeps the number of n8n commands small.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	createN8nHome,
	executeWorkflow,
	httpRequest,
	importCredentials,
	importWorkflow,
	killAllN8n,
	locateRuntime,
	loginAndApiKey,
	nodeOutput,
	packPackage,
	packProbePackage,
	PROBE_NODE_TYPE,
	REPO_ROOT,
	runningN8nCount,
	startN8n,
	type N8nHome,
	type RunningN8n,
	type WorkflowJson,
} from '../../scripts/n8n';

jest.setTimeout(10 * 60_000);

const OWNER = { ownerEmail: 'owner@example.test', ownerPassword: 'E2e-Owner-pass-2026' };
const PROBE_SECRET = 'probe-secret-value-42';
const REAL_PACKAGE = 'n8n-nodes-mijnwebwinkel-factuursturen';

/** The real package is installed too once every node/credential it declares has a source file (it must then build). */
function realPackageReady(): boolean {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	return entries.every((e) =>
		fs.existsSync(path.join(REPO_ROOT, e.replace(/^dist\//, '').replace(/\.js$/, '.ts'))),
	);
}

/**
 * Node and credential type names the real package declares, read from the built classes in dist/ (what n8n does):
 * nodes are `<package>.<description.name>`, credentials keep their bare `name`.
 */
function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const instance = (file: string, suffix: string): Record<string, unknown> => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(path.join(REPO_ROOT, file)) as Record<
			string,
			new () => Record<string, unknown>
		>;
		return new mod[path.basename(file, suffix)]();
	};
	return {
		nodes: manifest.n8n.nodes.map(
			(f) => `${REAL_PACKAGE}.${(instance(f, '.node.js').description as { name: string }).name}`,
		),
		credentials: manifest.n8n.credentials.map((f) => instance(f, '.credentials.js').name as string),
	};
}

const probeWorkflow: WorkflowJson = {
	id: 'e2eHarnessProbe01',
	name: 'E2E harness probe',
	nodes: [
		{
			id: 'n1',
			name: 'Manual',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'n2',
			name: 'Probe',
			type: PROBE_NODE_TYPE,
			typeVersion: 1,
			position: [220, 0],
			parameters: { text: '={{ "order-" + (40 + 2) }}' },
			// a stale id on purpose: import re-links the reference by name and type
			credentials: { probeApi: { id: 'stale-id', name: 'Probe credential' } },
		},
	],
	connections: { Manual: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
};

const failingWorkflow: WorkflowJson = {
	id: 'e2eHarnessFail001',
	name: 'E2E harness failing run',
	nodes: [
		{
			id: 'f1',
			name: 'Manual',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'f2',
			name: 'Fail on purpose',
			type: 'n8n-nodes-base.stopAndError',
			typeVersion: 1,
			position: [220, 0],
			parameters: { errorType: 'errorMessage', errorMessage: 'deliberate harness failure' },
		},
	],
	connections: { Manual: { main: [[{ node: 'Fail on purpose', type: 'main', index: 0 }]] } },
};

describe('real n8n harness', () => {
	const scratch: string[] = [];
	let home: N8nHome;
	let server: RunningN8n | undefined;
	let realInstalled = false;

	beforeAll(async () => {
		locateRuntime(); // fails with the install command when `npm test` did not install it first
		const tarballs = [await packProbePackage()];
		if (realPackageReady()) {
			// "if it builds": a broken build is already reported by the build step of `npm test`; here it only means
			// the smoke test proves the harness with the probe alone
			try {
				tarballs.push(await packPackage());
				realInstalled = true;
			} catch (error) {
				console.warn(
					`Real package not installed (build or pack failed):\n${(error as Error).message.slice(0, 2000)}`,
				);
			}
		}
		scratch.push(...tarballs.map((t) => path.dirname(t)));
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-harness-'));
		scratch.push(dir);
		home = createN8nHome({ dir, tarball: tarballs[0], extraTarballs: tarballs.slice(1) });
		await importCredentials(home, [
			{
				id: 'probeCred0000001',
				name: 'Probe credential',
				type: 'probeApi',
				data: { apiKey: PROBE_SECRET },
			},
		]);
		await importWorkflow(home, [probeWorkflow, failingWorkflow]);
	});

	afterAll(async () => {
		await server?.stop();
		killAllN8n();
		for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
	});

	it('installs the packed packages where n8n scans community packages', () => {
		const probeDir = path.join(
			home.dir,
			'.n8n',
			'nodes',
			'node_modules',
			'n8n-nodes-harness-probe',
		);
		expect(fs.existsSync(path.join(probeDir, 'package.json'))).toBe(true);
		expect(fs.existsSync(path.join(probeDir, 'dist', 'nodes', 'Probe', 'Probe.node.js'))).toBe(
			true,
		);
		// as after a user's install: the package brings no node_modules of its own
		expect(fs.existsSync(path.join(probeDir, 'node_modules'))).toBe(false);
		expect(home.packages.map((p) => p.name)).toEqual(
			realInstalled ? ['n8n-nodes-harness-probe', REAL_PACKAGE] : ['n8n-nodes-harness-probe'],
		);
	});

	it('runs a workflow with the community node via n8n execute and reads its run data back', async () => {
		const result = await executeWorkflow(home, probeWorkflow.id!);
		expect(result.status).toBe('success');
		expect(result.raw.mode).toBe('cli');
		expect(Object.keys(result.runData).sort()).toEqual(['Manual', 'Probe']);
		const [item] = nodeOutput(result, 'Probe');
		const runtime = locateRuntime();
		expect(item).toMatchObject({
			text: 'order-42', // expression evaluated by n8n
			upper: 'ORDER-42', // zod, required at module top level
			nextDay: '2026-01-03', // luxon
			zodVersion: '3.25.76',
			credentialKeyLength: PROBE_SECRET.length, // imported plaintext, decrypted for the node
		});
		expect(item.nodeVersion).toMatch(/^24\./);
		// zod and luxon come from n8n's own install (NODE_PATH), not from the package
		expect(item.zodPath).toContain(runtime.n8nModulesDir);
		expect(item.luxonPath).toContain(runtime.n8nModulesDir);
		// the decrypted secret never shows up in what n8n prints
		expect(result.cli!.stdout + result.cli!.stderr).not.toContain(PROBE_SECRET);
	});

	it('reports a failed run with the failing node and n8n message', async () => {
		const failed = await executeWorkflow(home, failingWorkflow.id!, { allowFailure: true });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain('deliberate harness failure');
		expect(failed.error?.node?.name).toBe('Fail on purpose');
		expect(failed.runData['Fail on purpose']).toHaveLength(1);

		await expect(executeWorkflow(home, 'noSuchWorkflow01')).rejects.toThrow(
			/Import the workflow first/,
		);
	});

	it('serves n8n start with an env-created owner; login, API key and public API work', async () => {
		server = await startN8n(home, OWNER);
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(server.port).not.toBe(5678);

		const badLogin = await httpRequest(`${server.url}/rest/login`, {
			method: 'POST',
			body: { emailOrLdapLoginId: OWNER.ownerEmail, password: 'wrong-password' },
		});
		expect(badLogin.status).toBe(401);

		const session = await loginAndApiKey(server.url, OWNER);
		const workflows = await session.api.listWorkflows();
		expect(workflows.map((w) => w.id).sort()).toEqual(
			[failingWorkflow.id, probeWorkflow.id].sort(),
		);

		// the executions run by `n8n execute` above are stored and readable with their data
		const executions = await session.api.listExecutions({
			workflowId: probeWorkflow.id,
			includeData: true,
		});
		expect(executions.length).toBeGreaterThanOrEqual(1);
		expect(executions[0]).toMatchObject({
			workflowId: probeWorkflow.id,
			mode: 'cli',
			status: 'success',
		});
		expect(JSON.stringify(executions[0].data)).toContain('ORDER-42');

		// the running instance loaded the community packages under their package-prefixed type names
		const types = (await session.getWithCookie<Array<{ name: string }>>('/types/nodes.json')).map(
			(t) => t.name,
		);
		expect(types).toContain(PROBE_NODE_TYPE);
		if (realInstalled) {
			const expected = declaredTypes();
			expect(types).toEqual(expect.arrayContaining(expected.nodes));
			const credentialTypes = (
				await session.getWithCookie<Array<{ name: string }>>('/types/credentials.json')
			).map((t) => t.name);
			expect(credentialTypes).toEqual(expect.arrayContaining(expected.credentials));
		}

		// a key from the login is required: without it the public API refuses
		const anonymous = await httpRequest(`${server.url}/api/v1/workflows`);
		expect(anonymous.status).toBe(401);
	});

	it('stops n8n and every process it started', async () => {
		expect(server).toBeDefined();
		const pid = server!.process.pid!;
		await server!.stop();
		expect(server!.process.exitCode !== null || server!.process.signalCode !== null).toBe(true);
		// nothing is left in n8n's process group (task runners included)
		expect(() => process.kill(-pid, 0)).toThrow(/ESRCH/);
		expect(runningN8nCount()).toBe(0);
	});
});
