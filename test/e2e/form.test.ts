/**
 * The reprocess form in a real, published n8n 2.41.1: it answers at /form/<FORM_PATH> (the URL the README and the
 * notes give), and a submission runs the sync workflow, which invoices the given order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startDemoShop, type DemoShop } from '../../sandbox/demo-shop';
import {
	createN8nHome,
	killAllN8n,
	loginAndApiKey,
	packPackage,
	runN8nCli,
	startN8n,
	type RunningN8n,
} from '../../scripts/n8n';
import {
	FORM_PATH,
	FORM_TEMPLATE_ID,
	importTemplateSetup,
	loadFormTemplate,
	TEMPLATE_ID,
	templateVariant,
} from '../../scripts/demo/setup';
import {
	fsState,
	invoiceForOrder,
	isInvoiceable,
	shopOrders,
	type ShopOrder,
} from './support/shop-expectations';

jest.setTimeout(10 * 60_000);

const OWNER = { ownerEmail: 'owner@example.test', ownerPassword: 'E2e-Owner-pass-2026' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reprocess form (published form workflow)', () => {
	let demo: DemoShop;
	let server: RunningN8n | undefined;
	let order: ShopOrder;
	const scratch: string[] = [];

	beforeAll(async () => {
		demo = await startDemoShop({ seed: 5, orderCount: 20, days: 10 });
		order = shopOrders(demo).find(
			(o) => isInvoiceable(o) && o.refusal === null && o.canonical?.vat.regime === 'domestic',
		)!;
		expect(order).toBeDefined();
		const tarball = await packPackage();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-form-'));
		scratch.push(dir);
		const home = createN8nHome({ dir, tarball });
		await importTemplateSetup(home, demo, [
			templateVariant({ id: TEMPLATE_ID }),
			loadFormTemplate(),
		]);
		// both published, as the set-up says: n8n 2.41 runs only a published workflow when another one calls it
		for (const id of [TEMPLATE_ID, FORM_TEMPLATE_ID])
			expect((await runN8nCli(home, ['publish:workflow', `--id=${id}`])).exitCode).toBe(0);
		server = await startN8n(home, OWNER);
	});

	afterAll(async () => {
		await server?.stop();
		killAllN8n();
		await demo?.close();
		for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
	});

	it(`serves the form at /form/${FORM_PATH}, and a submission invoices the order`, async () => {
		// n8n activates published workflows shortly after it reports ready
		let page = await fetch(`${server!.url}/form/${FORM_PATH}`);
		for (let i = 0; i < 60 && page.status === 404; i++) {
			await sleep(1000);
			page = await fetch(`${server!.url}/form/${FORM_PATH}`);
		}
		if (page.status !== 200) console.log(server!.logs().slice(-2000));
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Reprocess or migrate orders');

		const form = new FormData();
		form.append('field-0', 'reprocess');
		form.append('field-1', order.number);
		const sent = await fetch(`${server!.url}/form/${FORM_PATH}`, { method: 'POST', body: form });
		expect(sent.status).toBe(200);

		const { api } = await loginAndApiKey(server!.url, OWNER);
		let finished: Array<{ status: string }> = [];
		for (let i = 0; i < 120 && finished.length === 0; i++) {
			await sleep(500);
			finished = (await api.listExecutions({ workflowId: TEMPLATE_ID })).filter(
				(e) => !['new', 'running', 'waiting'].includes(e.status),
			);
		}
		if (finished.length === 0)
			console.log(
				JSON.stringify(
					await api.listExecutions({ workflowId: FORM_TEMPLATE_ID, includeData: true }),
				).slice(0, 3000),
			);
		expect(finished.map((e) => e.status)).toEqual(['success']);
		expect(invoiceForOrder((await fsState(demo)).invoices, order.number)).toHaveLength(1);
	});
});
