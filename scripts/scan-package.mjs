#!/usr/bin/env node
// n8n's verification scan (@n8n/scan-community-package) without the registry. The scanner itself downloads a
// published version and its provenance-attested source; its analysis (`analyzePackage`: ESLint with n8n's rule
// sets, inline disables ignored) is what decides. This runs that analysis on this repository's source and on the
// tarball `npm pack` makes from the current dist/ (run `npm run build` first), as the scanner does for a release.
//
//   node scripts/scan-package.mjs          human-readable, exit 1 on any error
//   node scripts/scan-package.mjs --json   one JSON line: { source, tarball } with errorCount and details
//   node scripts/scan-package.mjs --json --source-only DIR   only the source analysis, of another folder
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-plugin-n8n-nodes-base reads file names differently when NODE_ENV is "test" (its own test mode) and then
// reports errors the real scan does not; the scanner runs without it, so this does too, also under jest
delete process.env.NODE_ENV;
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');

function run(cmd, args, cwd) {
	const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
	return r.stdout;
}

/** The scanner's result carries the stylish report only; the error count is read from its summary line. */
function summarise(result) {
	const m = /(\d+) errors?/.exec(result.details ?? '');
	return {
		passed: result.passed,
		errorCount: result.passed ? 0 : m ? Number(m[1]) : 1,
		message: result.message ?? null,
		details: result.details ?? null,
	};
}

const only = process.argv.indexOf('--source-only');
if (only > 0) {
	const source = summarise(
		await analyzePackage(path.resolve(process.argv[only + 1]), SOURCE_FILE_PATTERNS),
	);
	process.stdout.write(`${JSON.stringify({ source })}\n`);
	process.exit(source.passed ? 0 : 1);
}

if (!fs.existsSync(path.join(root, 'dist'))) {
	throw new Error('dist/ is missing: run `npm run build` before scanning the packed tarball');
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mwwfs-scan-'));
try {
	const source = summarise(await analyzePackage(root, SOURCE_FILE_PATTERNS));
	const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root))[0];
	const unpacked = path.join(work, 'package');
	run('tar', ['-xzf', path.join(work, packed.filename), '-C', work], root);
	const tarball = {
		...summarise(await analyzePackage(unpacked, ['**/*.js', 'package.json'])),
		files: packed.files.map((f) => f.path),
	};
	if (json) {
		process.stdout.write(`${JSON.stringify({ source, tarball })}\n`);
	} else {
		for (const [leg, r] of [
			['source', source],
			['tarball', tarball],
		]) {
			process.stdout.write(
				`${r.passed ? 'ok ' : 'FAIL'} ${leg}: ${r.errorCount} errors\n${r.details ?? ''}`,
			);
		}
	}
	process.exitCode = source.passed && tarball.passed ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
