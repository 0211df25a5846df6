/**
 * n8n's verification scan passes: `scripts/scan-package.mjs` runs the analysis of @n8n/scan-community-package
 * (ESLint with n8n's rules, inline disables ignored) offline on the source and on the `npm pack` tarball.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'scan-package.mjs');

interface Leg {
	passed: boolean;
	errorCount: number;
	details: string | null;
	files?: string[];
}

function scan(...args: string[]): { source: Leg; tarball?: Leg } {
	const r = spawnSync(process.execPath, [script, '--json', ...args], {
		cwd: root,
		encoding: 'utf8',
	});
	const line = r.stdout.trim().split('\n').pop() ?? '';
	if (!line.startsWith('{')) throw new Error(`scan did not answer: ${r.stderr}`);
	return JSON.parse(line);
}

describe('n8n verification scan (offline)', () => {
	beforeAll(() => {
		// scripts/test.sh builds before the unit tests; on its own this test builds once
		if (!fs.existsSync(path.join(root, 'dist'))) {
			const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
			if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
		}
	}, 120_000);

	it('reports 0 errors on the source and on the packed tarball, which holds both nodes and credentials', () => {
		const { source, tarball } = scan();
		expect(source.details).toBeNull();
		expect(source.errorCount).toBe(0);
		expect(tarball?.details).toBeNull();
		expect(tarball?.errorCount).toBe(0);
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
			expect(tarball?.files).toContain(file);
	}, 120_000);

	it('runs in strict mode', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		expect(pkg.n8n.strict).toBe(true);
	});

	it('ignores inline disables, as the scanner does (control: the old status parameter fails it)', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwwfs-scan-control-'));
		try {
			fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
			fs.mkdirSync(path.join(dir, 'nodes', 'Shop'), { recursive: true });
			fs.writeFileSync(
				path.join(dir, 'nodes', 'Shop', 'status.ts'),
				[
					"import type { INodeProperties } from 'n8n-workflow';",
					'export const status: INodeProperties = {',
					'\t// eslint-disable-next-line n8n-nodes-base/node-param-display-name-wrong-for-dynamic-options',
					"\tdisplayName: 'Status',",
					"\tname: 'status',",
					"\ttype: 'options',",
					"\ttypeOptions: { loadOptionsMethod: 'getOrderStatuses' },",
					"\tdefault: '',",
					'\t// eslint-disable-next-line n8n-nodes-base/node-param-description-wrong-for-dynamic-options',
					"\tdescription: 'The new status',",
					'};',
					'',
				].join('\n'),
			);
			const { source } = scan('--source-only', dir);
			expect(source.errorCount).toBe(2);
			expect(source.details).toMatch(/node-param-display-name-wrong-for-dynamic-options/);
			expect(source.details).toMatch(/node-param-description-wrong-for-dynamic-options/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
