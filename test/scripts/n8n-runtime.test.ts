/**
 * The runtime installer (scripts/n8n-runtime.sh) as a newcomer meets it: started by npm scripts, which export the
 * project's `.npmrc` as npm_config_* variables, and possibly by several processes at once. The n8n step installs a
 * small package in place of n8n (MWWFS_N8N_PACKAGE) so these tests stay quick; the Node 24 step is the real one.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'n8n-runtime.sh');
const SMALL_PACKAGE = 'is-number@7.0.0';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the installer with npm's exported settings, as `npm test` / `npm run demo` would. */
function runInstaller(cacheDir: string, command: 'ensure' | 'env'): Promise<Run> {
	return new Promise((resolve) => {
		const child = spawn('bash', [SCRIPT, command], {
			env: {
				...process.env,
				npm_config_ignore_scripts: 'true',
				npm_config_loglevel: 'silent',
				MWWFS_CACHE_DIR: cacheDir,
				MWWFS_N8N_PACKAGE: SMALL_PACKAGE,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

/** The Node binary the installer's `env` command points at, and what it reports as its version. */
function nodeOf(envOutput: string): { bin: string; version: string } {
	const dir = /export PATH="([^"]*?):\$PATH"/.exec(envOutput)?.[1];
	if (!dir) throw new Error(`no PATH line in:\n${envOutput}`);
	const bin = path.join(dir, 'node');
	return { bin, version: execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim() };
}

const scratch: string[] = [];
const newCacheDir = (): string => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwwfs-runtime-test-'));
	scratch.push(dir);
	return path.join(dir, 'cache');
};
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

jest.setTimeout(300_000);

describe('n8n runtime installer', () => {
	it('installs a working Node 24 although npm exported ignore-scripts=true', async () => {
		const cache = newCacheDir();
		const install = await runInstaller(cache, 'ensure');
		expect({ code: install.code, stderr: install.stderr }).toEqual({
			code: 0,
			stderr: expect.any(String),
		});
		const env = await runInstaller(cache, 'env');
		expect(env.code).toBe(0);
		expect(nodeOf(env.stdout).version).toMatch(/^v24\./);
	});

	it('two installers started at once into one empty folder both end with the same working runtime', async () => {
		const cache = newCacheDir();
		const [a, b] = await Promise.all([
			runInstaller(cache, 'ensure'),
			runInstaller(cache, 'ensure'),
		]);
		expect([a.code, b.code]).toEqual([0, 0]);
		const [envA, envB] = await Promise.all([
			runInstaller(cache, 'env'),
			runInstaller(cache, 'env'),
		]);
		expect(envA.stdout).toBe(envB.stdout);
		expect(nodeOf(envA.stdout).version).toMatch(/^v24\./);
		// only finished parts under their final names: no temporary or half-installed folders left behind
		expect(
			fs
				.readdirSync(cache)
				.filter((name) => !name.startsWith('.lock'))
				.sort(),
		).toEqual(['node-24.21.0', `pkg-${SMALL_PACKAGE}`]);
		// exactly one of the two did the install; the other waited and found it done
		const installs = [a, b].filter((run) => run.stderr.includes('installing Node')).length;
		expect(installs).toBe(1);
	});

	it('never touches a complete runtime in use: a later install leaves its files as they are', async () => {
		const cache = newCacheDir();
		expect((await runInstaller(cache, 'ensure')).code).toBe(0);
		const { bin } = nodeOf((await runInstaller(cache, 'env')).stdout);
		const before = fs.statSync(bin);
		// a process using the runtime while another installer runs
		const user = spawn(bin, ['-e', 'setTimeout(() => {}, 3000)']);
		const again = await runInstaller(cache, 'ensure');
		expect(again.code).toBe(0);
		expect(again.stderr).not.toContain('installing');
		const after = fs.statSync(bin);
		expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
		user.kill();
	});

	it('a half-finished install left by a killed installer is cleaned up and redone', async () => {
		const cache = newCacheDir();
		// an install killed mid-way leaves a temporary folder and no final one
		fs.mkdirSync(path.join(cache, '.tmp-node-killed', 'node_modules'), { recursive: true });
		const run = await runInstaller(cache, 'ensure');
		expect(run.code).toBe(0);
		expect(fs.existsSync(path.join(cache, '.tmp-node-killed'))).toBe(false);
		expect(nodeOf((await runInstaller(cache, 'env')).stdout).version).toMatch(/^v24\./);
	});

	it('`env` installs nothing and names the command to run when the runtime is missing', async () => {
		const cache = newCacheDir();
		const env = await runInstaller(cache, 'env');
		expect(env.code).toBe(3);
		expect(env.stderr).toContain('bash scripts/n8n-runtime.sh ensure');
		expect(fs.existsSync(path.join(cache, 'node-24.21.0'))).toBe(false);
	});
});
