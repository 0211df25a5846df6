/**
 * Source of `workflows/mijnwebwinkel-reprocess-form.json`: the small workflow that serves the reprocess/migrate form
 * and runs the main workflow with its answers. It lives in a workflow of its own: n8n 2.41's editor preselects a
 * workflow's Execute button by trigger type (form before webhook, app, schedule, manual), so a form in the main
 * workflow would make the big button wait for a form submission instead of running the sync.
 */
import * as path from 'node:path';
import {
	createBuilder,
	idFor,
	jsonText,
	workflowFile,
	writeWorkflowFile,
	type Json,
} from './builder';
import {
	FORM_PATH,
	FORM_TEMPLATE_ID,
	REPROCESS_OPEN,
	TEMPLATE_ID,
	TEMPLATE_NAME,
} from './template-ids';

export const FORM_TEMPLATE_PATH = path.resolve(__dirname, 'mijnwebwinkel-reprocess-form.json');

/** Names of the form workflow's nodes. */
export const F = { form: 'Reprocess or migrate (form)', call: 'Run the sync workflow' } as const;

/** The small workflow that serves the reprocess/migrate form and runs the main workflow with its answers. */
export function buildFormWorkflow(): Json {
	const b = createBuilder();
	b.sticky(
		'Note: form',
		[-60, -300],
		560,
		260,
		`## Reprocess or migrate\nPublish this workflow **and** the sync workflow (n8n runs a called workflow only when it is published); the form is at \`<your n8n>/form/${FORM_PATH}\` (while you test it: \`/form-test/${FORM_PATH}\`). It runs **${TEMPLATE_NAME}** with the answers. After importing both workflows, open **${F.call}** and pick that workflow under *Workflow* if it is not shown.`,
		6,
	);
	b.node(
		F.form,
		'n8n-nodes-base.formTrigger',
		2.2,
		[0, 0],
		{
			formTitle: 'Reprocess or migrate orders',
			formDescription:
				'Reprocess: the given order numbers. Reprocess open problems: every order the booking record lists as a problem still open. Migrate: all invoiceable orders placed in the date range (no cap; run it again to resume, invoiced orders are adopted, not duplicated).',
			formFields: {
				values: [
					{
						fieldLabel: 'Mode',
						fieldType: 'dropdown',
						fieldOptions: {
							values: [{ option: 'reprocess' }, { option: REPROCESS_OPEN }, { option: 'migrate' }],
						},
						requiredField: true,
					},
					{ fieldLabel: 'Order numbers', fieldType: 'textarea', placeholder: '1042, 1043' },
					{ fieldLabel: 'From date', fieldType: 'date' },
					{ fieldLabel: 'To date', fieldType: 'date' },
				],
			},
			// Form Trigger 2.2 takes its path from Options; a top-level `path` is only read up to 2.1
			options: { path: FORM_PATH },
		},
		{ webhookId: idFor('form-webhook') },
	);
	b.node(F.call, 'n8n-nodes-base.executeWorkflow', 1.2, [260, 0], {
		source: 'database',
		workflowId: { __rl: true, mode: 'list', value: TEMPLATE_ID, cachedResultName: TEMPLATE_NAME },
		mode: 'once',
		options: { waitForSubWorkflow: true },
	});
	b.connect(F.form, F.call);
	return workflowFile(FORM_TEMPLATE_ID, `${TEMPLATE_NAME}: reprocess or migrate (form)`, b);
}

export function formTemplateJsonText(): string {
	return jsonText(buildFormWorkflow());
}

if (require.main === module) writeWorkflowFile(FORM_TEMPLATE_PATH, formTemplateJsonText());
