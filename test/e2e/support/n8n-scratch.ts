/**
 * The n8n the template's end-to-end tests run in: the packed package in a fresh folder (an n8n home, or a queue
 * cluster's), and after the tests everything they started stopped and every folder they made removed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	createN8nHome,
	killAllN8n,
	locateRuntime,
	packPackage,
	type N8nHome,
} from '../../../scripts/n8n';

/** The packed package and a fresh folder named `prefix…`; both are added to `scratch`, removed by cleanUp. */
export async function packedPackage(
	prefix: string,
	scratch: string[],
): Promise<{ dir: string; tarball: string }> {
	locateRuntime();
	const tarball = await packPackage();
	scratch.push(path.dirname(tarball));
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	scratch.push(dir);
	return { dir, tarball };
}

/** An n8n home with the packed package installed, in a fresh folder named `prefix…` (see packedPackage). */
export async function packedN8nHome(prefix: string, scratch: string[]): Promise<N8nHome> {
	return createN8nHome(await packedPackage(prefix, scratch));
}

/**
 * After the tests: n8n stopped (and any n8n process left behind, e.g. by a kill in a test, killed), the sandboxes
 * closed, the scratch folders removed. Each may be undefined when beforeAll failed before starting it.
 */
export async function cleanUp(
	scratch: string[],
	n8n: { stop(): Promise<void> } | undefined,
	...open: Array<{ close(): Promise<void> } | undefined>
): Promise<void> {
	await n8n?.stop();
	killAllN8n();
	for (const o of open) await o?.close();
	for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
}
