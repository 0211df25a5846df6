/**
 * Runs workflows inside a running `n8n start`, the way the editor's "Execute workflow" does (POST
 * /rest/workflows/<id>/run from a trigger), and reads the finished execution back through the public API.
 *
 * Why not `n8n execute`: in n8n 2.41.1 that command loads n8n's backend modules but never initialises them
 * (only start, worker and webhook call ModuleRegistry.initModules), so the data-table module gives the
 * execution no Data Table helpers and every Data table node fails with "Attempted to use Data table node but
 * the module is disabled". A workflow that keeps state in a Data Table must run in a server.
 */
import { httpRequest } from './http';
import type { ExecuteOptions, ExecuteResult, RunData } from './cli';
import type { N8nHome } from './home';
import { redactSecrets } from './output';
import {
	loginAndApiKey,
	startN8n,
	type N8nOwner,
	type N8nSession,
	type RunningN8n,
	type StartOptions,
} from './server';

export interface ServerRunner {
	readonly n8n: RunningN8n;
	readonly session: N8nSession;
	/**
	 * Runs workflow `id` from its trigger `trigger` (default: its first Manual Trigger) and waits until the
	 * execution has finished. Throws for a status other than success unless `allowFailure`.
	 */
	run(id: string, opts?: ExecuteOptions & { trigger?: string }): Promise<ExecuteResult>;
	/** stops n8n and starts it again on the same home (a new port, a new login) */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export const RUNNER_OWNER: N8nOwner = {
	ownerEmail: 'runner@example.com',
	ownerPassword: 'Runner-passw0rd',
};

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface WorkflowNode {
	name: string;
	type: string;
}

export async function startRunner(
	home: N8nHome,
	opts: Partial<StartOptions> = {},
): Promise<ServerRunner> {
	const startOpts: StartOptions = { ...RUNNER_OWNER, ...opts };
	let n8n = await startN8n(home, startOpts);
	let session = await loginAndApiKey(n8n.url, startOpts);

	async function manualTriggerOf(id: string): Promise<string> {
		const wf = await session.getWithCookie<{ data: { nodes: WorkflowNode[] } }>(
			`/rest/workflows/${id}`,
		);
		const trigger = wf.data.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger)
			throw new Error(`Workflow ${id} has no Manual Trigger; pass the trigger to start from`);
		return trigger.name;
	}

	async function run(
		id: string,
		o: ExecuteOptions & { trigger?: string } = {},
	): Promise<ExecuteResult> {
		const trigger = o.trigger ?? (await manualTriggerOf(id));
		const started = Date.now();
		const answer = await httpRequest(`${n8n.url}/rest/workflows/${id}/run`, {
			method: 'POST',
			headers: { cookie: session.cookie },
			body: { triggerToStartFrom: { name: trigger } },
		});
		const executionId =
			(answer.status === 200
				? (answer.json() as { data?: { executionId?: string } }).data?.executionId
				: undefined) ?? null;
		if (!executionId) {
			throw new Error(
				`POST /rest/workflows/${id}/run answered ${answer.status}: ${redactSecrets(answer.text.slice(0, 500))}`,
			);
		}
		const deadline = started + (o.timeoutMs ?? 900_000);
		let raw: Record<string, unknown> | null = null;
		for (;;) {
			const e = await session.api
				.get<Record<string, unknown>>(`/executions/${executionId}?includeData=true`)
				.catch(() => null);
			if (e && FINISHED.has(String(e.status))) {
				raw = e;
				break;
			}
			if (n8n.process.exitCode !== null || n8n.process.signalCode !== null) {
				throw new Error(
					`n8n exited (${n8n.process.signalCode ?? n8n.process.exitCode}) while execution ${executionId} of workflow ${id} ran`,
				);
			}
			if (Date.now() > deadline)
				throw new Error(
					`Execution ${executionId} of workflow ${id} did not finish within ${o.timeoutMs ?? 900_000} ms`,
				);
			await sleep(500);
		}
		const resultData = ((raw.data as Record<string, unknown> | undefined)?.resultData ??
			{}) as Record<string, unknown>;
		const result: ExecuteResult = {
			status: String(raw.status),
			runData: (resultData.runData ?? {}) as RunData,
			raw,
			error: resultData.error as ExecuteResult['error'],
			durationMs: Date.now() - started,
		};
		if (result.status !== 'success' && !o.allowFailure) {
			const err = result.error;
			throw new Error(
				redactSecrets(
					`Workflow ${id} ran with status "${result.status}"` +
						(err
							? `: ${err.message ?? ''}${err.node?.name ? ` (node "${err.node.name}")` : ''}${err.description ? ` — ${err.description}` : ''}`
							: '') +
						`\nnodes that ran: ${Object.keys(result.runData).join(', ') || 'none'}`,
				),
			);
		}
		return result;
	}

	return {
		get n8n() {
			return n8n;
		},
		get session() {
			return session;
		},
		run,
		restart: async () => {
			await n8n.stop();
			n8n = await startN8n(home, startOpts);
			session = await loginAndApiKey(n8n.url, startOpts);
		},
		stop: () => n8n.stop(),
	};
}
