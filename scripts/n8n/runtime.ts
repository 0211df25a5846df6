/**
 * Locates the pinned runtime (Node 24 + n8n 2.41.1) that `scripts/n8n-runtime.sh` installs into a cache folder
 * outside the clone. The harness itself runs under the system Node 20; every n8n process is started with the Node 24
 * binary found here, because n8n 2.41 refuses to start on Node < 24.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface N8nRuntime {
	/** folder holding the Node 24 `node` binary (put first on PATH for n8n and its task runners) */
	nodeBinDir: string;
	/** the Node 24 binary itself */
	nodeBin: string;
	/** `node_modules/.bin/n8n` of the pinned install */
	n8nBin: string;
	/** the JavaScript entry behind n8nBin (started as `nodeBin n8nMain …`, so no shebang/PATH lookup is involved) */
	n8nMain: string;
	/** the install's top-level node_modules folder (n8n's own dependencies, e.g. bcryptjs) */
	n8nModulesDir: string;
	/** version string of the installed n8n package */
	n8nVersion: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

let cached: N8nRuntime | undefined;

/**
 * Runs `scripts/n8n-runtime.sh env` and derives the paths from its `export` lines. It installs nothing: the install
 * happens once, before any test runner starts (`npm test`, `npm run demo`), so parallel test workers never race it.
 */
export function locateRuntime(): N8nRuntime {
	if (cached) return cached;
	let out: string;
	try {
		out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'n8n-runtime.sh'), 'env'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (error) {
		const e = error as { stderr?: string; message: string };
		throw new Error(
			`The n8n runtime is not installed: ${(e.stderr || e.message).trim()}\n` +
				'Install it once with `bash scripts/n8n-runtime.sh ensure` (`npm test` and `npm run demo` do this for you).',
		);
	}
	const pathLine = /export PATH="([^"]*?):\$PATH"/.exec(out);
	const binLine = /export N8N_BIN="([^"]+)"/.exec(out);
	if (!pathLine || !binLine) {
		throw new Error(`Unexpected output of scripts/n8n-runtime.sh env:\n${out}`);
	}
	const nodeBinDir = pathLine[1];
	const n8nBin = binLine[1];
	const n8nMain = fs.realpathSync(n8nBin);
	// n8nMain = <install>/node_modules/n8n/bin/n8n
	const n8nPackageDir = path.resolve(path.dirname(n8nMain), '..');
	const n8nModulesDir = path.dirname(n8nPackageDir);
	const n8nVersion = (
		JSON.parse(fs.readFileSync(path.join(n8nPackageDir, 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
	cached = {
		nodeBinDir,
		nodeBin: path.join(nodeBinDir, 'node'),
		n8nBin,
		n8nMain,
		n8nModulesDir,
		n8nVersion,
	};
	return cached;
}
