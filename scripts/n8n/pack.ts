/** Builds and packs a package exactly as it would be published, so the E2E installs what a user would install. */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './runtime';

const run = promisify(execFile);

/** Environment for npm under the harness: without jest's NODE_ENV=test and without inherited npm_* config. */
function npmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (k === 'NODE_ENV' || k.startsWith('npm_') || k.startsWith('JEST_')) continue;
		env[k] = v;
	}
	return env;
}

async function npm(args: string[], cwd: string): Promise<string> {
	try {
		const { stdout } = await run('npm', args, { cwd, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string; message: string };
		throw new Error(
			`npm ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`.trim(),
		);
	}
}

/** `npm pack` of `packageDir` into `destDir` (default: a new temp dir); returns the tarball's absolute path. */
export async function packDirectory(packageDir: string, destDir?: string): Promise<string> {
	const dest = destDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	fs.mkdirSync(dest, { recursive: true });
	const out = await npm(['pack', '--json', '--pack-destination', dest], packageDir);
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	const tarball = path.join(dest, info.filename);
	if (!fs.existsSync(tarball))
		throw new Error(`npm pack reported ${info.filename} but ${tarball} does not exist`);
	return tarball;
}

/**
 * `npm run build` of this repository (rebuilds its dist/; only the E2E run should call this) followed by `npm pack`
 * into a temp dir. Returns the tarball path.
 */
export async function packPackage(opts: { destDir?: string } = {}): Promise<string> {
	await npm(['run', 'build'], REPO_ROOT);
	return packDirectory(REPO_ROOT, opts.destDir);
}
