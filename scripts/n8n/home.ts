/**
 * A fresh N8N_USER_FOLDER with packed packages installed the way a user's npm install leaves them:
 * `<dir>/.n8n/nodes/node_modules/<name>/` holding exactly the tarball's files (package.json + dist/), no
 * node_modules of their own. n8n's community-packages module scans that folder at startup, so the node types are
 * `<package name>.<description.name>` (e.g. `n8n-nodes-mijnwebwinkel-factuursturen.mijnwebwinkel`).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface InstalledPackage {
	name: string;
	version: string;
	/** where it was extracted: <dir>/.n8n/nodes/node_modules/<name> */
	dir: string;
	/** `<name>.`: a node's type in workflow JSON is this prefix + its `description.name` */
	typePrefix: string;
}

export interface N8nHome {
	/** the N8N_USER_FOLDER */
	dir: string;
	/** `<dir>/.n8n`, where n8n keeps database.sqlite, config and nodes/ */
	dataDir: string;
	/** `<dir>/work`, scratch space for files handed to CLI commands */
	workDir: string;
	packages: InstalledPackage[];
}

/** Extracts a `npm pack` tarball into the home's community-package folder and records it. */
export function installPackage(home: N8nHome, tarball: string): InstalledPackage {
	if (!fs.existsSync(tarball)) throw new Error(`Package tarball not found: ${tarball}`);
	const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pkg-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', staging], { stdio: ['ignore', 'ignore', 'pipe'] });
		// npm pack puts every file under `package/`
		const extracted = path.join(staging, 'package');
		const manifestPath = path.join(extracted, 'package.json');
		if (!fs.existsSync(manifestPath))
			throw new Error(`${tarball} has no package/package.json: not an npm pack tarball`);
		const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
			name: string;
			version: string;
		};
		if (!/^(@[^/]+\/)?n8n-nodes-/.test(manifest.name)) {
			throw new Error(
				`Package "${manifest.name}" would not be loaded: n8n only scans node_modules entries named n8n-nodes-* or @scope/n8n-nodes-*`,
			);
		}
		const target = path.join(home.dataDir, 'nodes', 'node_modules', manifest.name);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.renameSync(extracted, target);
		const installed: InstalledPackage = {
			name: manifest.name,
			version: manifest.version,
			dir: target,
			typePrefix: `${manifest.name}.`,
		};
		home.packages = home.packages.filter((p) => p.name !== manifest.name).concat(installed);
		return installed;
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

/**
 * Creates (or empties) `dir` as a fresh n8n home and installs `tarball` (plus `extraTarballs`) into it.
 * The first n8n command on it creates the sqlite database (all migrations: several seconds).
 */
export function createN8nHome(opts: {
	dir: string;
	tarball: string;
	extraTarballs?: string[];
}): N8nHome {
	const dir = path.resolve(opts.dir);
	// emptying is only safe for an empty folder or an earlier n8n home, never for an arbitrary path handed in by mistake
	if (
		fs.existsSync(dir) &&
		fs.readdirSync(dir).length > 0 &&
		!fs.existsSync(path.join(dir, '.n8n'))
	) {
		throw new Error(
			`Refusing to use ${dir} as a fresh n8n home: it is not empty and holds no .n8n folder.`,
		);
	}
	fs.rmSync(dir, { recursive: true, force: true });
	const home: N8nHome = {
		dir,
		dataDir: path.join(dir, '.n8n'),
		workDir: path.join(dir, 'work'),
		packages: [],
	};
	fs.mkdirSync(path.join(home.dataDir, 'nodes', 'node_modules'), { recursive: true });
	fs.mkdirSync(home.workDir, { recursive: true });
	for (const tarball of [opts.tarball, ...(opts.extraTarballs ?? [])])
		installPackage(home, tarball);
	return home;
}
