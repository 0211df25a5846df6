/**
 * A shop on an n8n queue-mode cluster, set up as its owner would: the sandbox credentials, the template (the sync
 * workflow) with the given Run settings and the reprocess/migrate form workflow that calls it, both published on the
 * main; then the form submitted over HTTP, as a person submits it.
 */
import * as fs from 'node:fs';
import type { DemoShop } from '../../../sandbox/demo-shop';
import {
	loginAndApiKey,
	startQueueCluster,
	type N8nSession,
	type QueueCluster,
	type QueueClusterOptions,
	type WorkflowJson,
} from '../../../scripts/n8n';
import { sandboxCredentials, templateVariant, type RunSettings } from '../../../scripts/demo/setup';
import { FS_CREDENTIAL, MWW_CREDENTIAL } from '../../../workflows/mijnwebwinkel-to-factuursturen';
import { F, FORM_TEMPLATE_PATH } from '../../../workflows/mijnwebwinkel-reprocess-form';
import { packedPackage } from './n8n-scratch';

type NodeJson = {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
};

export interface QueueShop {
	key: string;
	/** the sync workflow (the template) and the form workflow that runs it */
	workflowId: string;
	formWorkflowId: string;
	formPath: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function createAndPublish(session: N8nSession, wf: WorkflowJson): Promise<string> {
	const created = await session.api.post<{ id: string }>('/workflows', {
		name: wf.name,
		nodes: wf.nodes,
		connections: wf.connections,
		settings: { executionOrder: 'v1', timezone: 'Europe/Amsterdam' },
	});
	await session.api.post(`/workflows/${created.id}/activate`);
	return created.id;
}

/**
 * A queue-mode cluster (scripts/n8n/queue.ts) with the packed package in a fresh folder named `prefix…` (added to
 * `scratch`), and its owner's API session.
 */
export async function startQueueN8n(
	prefix: string,
	scratch: string[],
	opts: Omit<QueueClusterOptions, 'dir' | 'tarball'>,
): Promise<{ cluster: QueueCluster; session: N8nSession }> {
	const cluster = await startQueueCluster({ ...(await packedPackage(prefix, scratch)), ...opts });
	try {
		return { cluster, session: await loginAndApiKey(cluster.main.url, opts) };
	} catch (error) {
		await cluster.stop();
		throw error;
	}
}

/** Credentials, sync workflow and form workflow of shop `key`, published; resolves once the form is served. */
export async function publishQueueShop(
	session: N8nSession,
	mainUrl: string,
	demo: DemoShop,
	key: string,
	settings: RunSettings,
): Promise<QueueShop> {
	const ids: Record<string, string> = {};
	for (const c of sandboxCredentials(demo)) {
		const created = await session.api.post<{ id: string }>('/credentials', {
			name: `${c.name} ${key}`,
			type: c.type,
			data: c.data,
		});
		ids[c.type] = created.id;
	}
	const wf = templateVariant({ id: `queueShop${key}`, name: `Shop ${key}`, settings });
	for (const n of wf.nodes as NodeJson[]) {
		for (const type of [MWW_CREDENTIAL.type, FS_CREDENTIAL.type]) {
			if (n.credentials?.[type])
				n.credentials[type] = { id: ids[type], name: `${n.credentials[type].name} ${key}` };
		}
	}
	const workflowId = await createAndPublish(session, wf);
	// the form workflow as shipped, with this shop's form path and its sync workflow
	const formPath = `mijnwebwinkel-migrate-${key}`;
	const form = JSON.parse(fs.readFileSync(FORM_TEMPLATE_PATH, 'utf8')) as WorkflowJson;
	for (const n of form.nodes as NodeJson[]) {
		if (n.name === F.form)
			n.parameters.options = { ...(n.parameters.options as object), path: formPath };
		if (n.name === F.call) n.parameters.workflowId = { __rl: true, mode: 'id', value: workflowId };
		// webhook ids are unique per workflow, as n8n gives them to a copy
		if (n.webhookId) n.webhookId = `${n.webhookId.slice(0, -2)}${key}${key}`;
	}
	const formWorkflowId = await createAndPublish(session, { ...form, name: `${form.name} ${key}` });
	// a published form answers once its webhook is registered, which may lag the publish on a loaded machine
	const until = Date.now() + 60_000;
	while ((await fetch(`${mainUrl}/form/${formPath}`)).status !== 200) {
		if (Date.now() > until) throw new Error(`the form of shop ${key} is not served`);
		await sleep(500);
	}
	return { key, workflowId, formWorkflowId, formPath };
}

/** Submits the shop's form (it answers as soon as n8n has taken it; the run goes on in a worker). */
export async function submitForm(
	mainUrl: string,
	shop: QueueShop,
	fields: { mode: string; from?: string; to?: string; orders?: string },
): Promise<number> {
	const form = new FormData();
	form.set('field-0', fields.mode);
	form.set('field-1', fields.orders ?? '');
	form.set('field-2', fields.from ?? '');
	form.set('field-3', fields.to ?? '');
	const res = await fetch(`${mainUrl}/form/${shop.formPath}`, { method: 'POST', body: form });
	return res.status;
}
