/**
 * `npm run screenshots`: retakes the pictures in docs/screenshots/ from the real n8n editor. Starts the demo (both API
 * sandboxes, n8n 2.41.1 with the packed package, the credentials and the template), drives Debian's Chromium headless
 * with playwright-core, and saves one PNG per view the guides show. Needs `/usr/bin/chromium`
 * (`apt-get install -y chromium`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BOOKING_RECORD_TABLE } from '../core/booking-record/columns';
import { amsterdamToday, startDemoShop } from '../sandbox/demo-shop';
import { createN8nHome, packPackage, REPO_ROOT, startN8n, type RunningN8n } from './n8n';
import {
	FORM_TEMPLATE_ID,
	importTemplateSetup,
	loadFormTemplate,
	N,
	sampleAccountTemplate,
	TEMPLATE_ID,
} from './demo/setup';

const OWNER = { ownerEmail: 'demo@example.com', ownerPassword: 'Demo-Owner-2026' };
const WORK_DIR = path.join(REPO_ROOT, '.screenshots');
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };

const log = (text: string): void => console.log(`[screenshots] ${text}`);

async function shot(page: Page, name: string): Promise<void> {
	await page.waitForTimeout(800); // let n8n's transitions settle
	const file = path.join(OUT_DIR, `${name}.png`);
	await page.screenshot({ path: file });
	log(`saved docs/screenshots/${name}.png`);
}

async function signIn(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
		.first()
		.fill(OWNER.ownerEmail);
	await page.locator('input[type="password"]').first().fill(OWNER.ownerPassword);
	await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
}

async function openWorkflow(page: Page, url: string, id = TEMPLATE_ID): Promise<void> {
	await page.goto(`${url}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
}

async function openNode(page: Page, name: string): Promise<void> {
	await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`)
		.dblclick({ force: true });
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
}

async function main(): Promise<void> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
		);
	}
	execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'n8n-runtime.sh'), 'ensure'], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	fs.rmSync(WORK_DIR, { recursive: true, force: true });
	fs.mkdirSync(OUT_DIR, { recursive: true });

	const demo = await startDemoShop({ seed: 1, orderCount: 60, today: amsterdamToday(), days: 14 });
	let server: RunningN8n | undefined;
	let browser: Browser | undefined;
	try {
		const tarball = await packPackage({ destDir: path.join(WORK_DIR, 'pack') });
		const home = createN8nHome({ dir: path.join(WORK_DIR, 'home'), tarball });
		const template = sampleAccountTemplate(TEMPLATE_ID);
		await importTemplateSetup(home, demo, [template, loadFormTemplate()]);
		server = await startN8n(home, OWNER);
		log(`n8n at ${server.url}`);

		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const page = await browser.newPage({ viewport: VIEWPORT, locale: 'nl-NL' });
		await signIn(page, server.url);
		await openWorkflow(page, server.url);
		await shot(page, 'template');

		for (const [id, name] of [
			['mwwSandboxCred001', 'credential-mijnwebwinkel'],
			['fsSandboxCred0001', 'credential-factuursturen'],
		]) {
			await page.goto(`${server.url}/home/credentials/${id}`);
			await page
				.locator('[data-test-id="editCredential-modal"], .el-dialog')
				.first()
				.waitFor({ timeout: 30_000 });
			await shot(page, name);
		}

		await openWorkflow(page, server.url);
		// tall enough to show every owned setting of Run settings at once
		await page.setViewportSize({ width: VIEWPORT.width, height: 2000 });
		await openNode(page, N.settings);
		await shot(page, 'run-settings');
		await page.keyboard.press('Escape');
		await page.setViewportSize(VIEWPORT);

		// a finished run: the Execute workflow button runs the sync; then the Report and a refused order
		await page.locator('[data-test-id="execute-workflow-button"]').click();
		await page
			.locator(
				`[data-test-id="canvas-node"][data-node-name="${N.report}"] [data-test-id="canvas-node-status-success"]`,
			)
			.waitFor({ timeout: 300_000 });
		await page.waitForTimeout(3000);
		await shot(page, 'run-finished');
		await openNode(page, N.report);
		await shot(page, 'report');
		await page.keyboard.press('Escape');
		// a refused order with its fix: the first failure node that has output in this run
		for (const name of [N.asRefused, N.asDebtorFailed, N.asCreateFailed]) {
			const ran = page.locator(
				`[data-test-id="canvas-node"][data-node-name="${name}"] [data-test-id="canvas-node-status-success"]`,
			);
			if ((await ran.count()) === 0) continue;
			await openNode(page, name);
			await page
				.getByText('JSON', { exact: true })
				.last()
				.click()
				.catch(() => undefined);
			await shot(page, 'refused-order');
			await page.keyboard.press('Escape');
			break;
		}

		// the booking record: n8n's Data tables overview, then the table itself
		await page.goto(`${server.url}/home/datatables`);
		await page.getByText(BOOKING_RECORD_TABLE).first().click({ timeout: 30_000 });
		await page.waitForTimeout(3000);
		await shot(page, 'booking-record');

		await page.goto(`${server.url}/workflow/${TEMPLATE_ID}/executions`);
		await page.waitForTimeout(3000);
		await shot(page, 'executions');

		await openWorkflow(page, server.url, FORM_TEMPLATE_ID);
		await shot(page, 'form-workflow');
	} finally {
		await browser?.close();
		await server?.stop();
		await demo.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
