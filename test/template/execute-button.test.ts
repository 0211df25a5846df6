/**
 * The big Execute button of the sync workflow runs the sync. n8n 2.41's editor preselects the enabled trigger of
 * the highest priority by type (form 10, webhook 9, app triggers 8, schedule 7, manual 6, execute-workflow 5,
 * error 4), whatever their order or position, so the form lives in a workflow of its own and calls the sync
 * workflow.
 */
import { buildTemplate, N } from '../../workflows/mijnwebwinkel-to-factuursturen';
import { buildFormWorkflow, F } from '../../workflows/mijnwebwinkel-reprocess-form';

interface NodeJson {
	name: string;
	type: string;
	disabled?: boolean;
	parameters: Record<string, unknown>;
}
type Wf = {
	nodes: NodeJson[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};

const PRIORITY: Record<string, number> = {
	'n8n-nodes-base.formTrigger': 10,
	'n8n-nodes-base.webhook': 9,
	'n8n-nodes-base.scheduleTrigger': 7,
	'n8n-nodes-base.manualTrigger': 6,
	'n8n-nodes-base.executeWorkflowTrigger': 5,
	'n8n-nodes-base.errorTrigger': 4,
};
const isTrigger = (n: NodeJson) => /Trigger$|\.webhook$/.test(n.type);
const preselected = (wf: Wf): NodeJson | undefined =>
	wf.nodes
		.filter((n) => isTrigger(n) && !n.disabled)
		.sort((a, b) => (PRIORITY[b.type] ?? 8) - (PRIORITY[a.type] ?? 8))[0];

test('the sync workflow preselects a trigger that starts the daily sync at once, not a form', () => {
	const wf = buildTemplate() as unknown as Wf;
	const first = preselected(wf)!;
	expect(['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.manualTrigger']).toContain(first.type);
	expect(wf.connections[first.name].main[0].map((c) => c.node)).toEqual([N.settings]);
	expect(
		wf.nodes.filter((n) =>
			['n8n-nodes-base.formTrigger', 'n8n-nodes-base.webhook'].includes(n.type),
		),
	).toEqual([]);
	// Run now is still there for an explicit choice in the button's menu
	expect(wf.nodes.find((n) => n.name === N.manual)?.type).toBe('n8n-nodes-base.manualTrigger');
});

test('the form workflow holds the form and calls the sync workflow, which takes its answers through Called by the form', () => {
	const form = buildFormWorkflow() as unknown as Wf;
	expect(preselected(form)?.name).toBe(F.form);
	expect(form.connections[F.form].main[0].map((c) => c.node)).toEqual([F.call]);
	const sync = buildTemplate() as unknown as Wf & { id: string };
	const call = form.nodes.find((n) => n.name === F.call)!;
	expect((call.parameters.workflowId as { value: string }).value).toBe(sync.id);
	expect(sync.connections[N.form].main[0].map((c) => c.node)).toEqual([N.settings]);
});
