/**
 * The template as the end-to-end tests run it: a variant with the sample account's OSS rates (the sandbox account
 * holds them) under the test's own Run settings, imported with the sandbox credentials into a fresh n8n home and run
 * inside `n8n start` (its booking record is a Data Table, which `n8n execute` cannot use).
 */
import type { DemoShop } from '../../../sandbox/demo-shop';
import {
	importTemplateSetup,
	SAMPLE_ACCOUNT_OSS_VAT_RATES,
	templateVariant,
	type TemplateVariant,
} from '../../../scripts/demo/setup';
import {
	startRunner,
	type N8nCredential,
	type N8nHome,
	type ServerRunner,
	type WorkflowJson,
} from '../../../scripts/n8n';
import { packedN8nHome } from './n8n-scratch';

/** templateVariant with the sample account's OSS rates; the variant's settings (ossVatRates too) go over them. */
export function e2eTemplate(v: TemplateVariant): WorkflowJson {
	return templateVariant({
		...v,
		settings: { ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES, ...v.settings },
	});
}

/**
 * `n8n start` on a fresh home (packedN8nHome) with the sandbox credentials (and any others) and these workflows;
 * `env` is added to n8n's environment (also after a restart).
 */
export async function startTemplateN8n(
	prefix: string,
	scratch: string[],
	demo: DemoShop,
	workflows: WorkflowJson[],
	extraCredentials: N8nCredential[] = [],
	env: Record<string, string> = {},
): Promise<{ home: N8nHome; runner: ServerRunner }> {
	const home = await packedN8nHome(prefix, scratch);
	await importTemplateSetup(home, demo, workflows, extraCredentials);
	return { home, runner: await startRunner(home, { env }) };
}
