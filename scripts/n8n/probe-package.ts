/**
 * A tiny throwaway community package, written as plain CommonJS (no build step), used to prove the harness and
 * the runtime facts our real package depends on:
 *  - node type `n8n-nodes-harness-probe.probe` loads from `.n8n/nodes/node_modules/` of a fresh home;
 *  - `require('zod')` and `require('luxon')` at module top level resolve (from n8n's own copies, via NODE_PATH);
 *  - an expression parameter is evaluated and an imported credential (`probeApi`) is decrypted and handed over.
 * Its output per input item: { text, upper (zod transform), nextDay (luxon), zodVersion, zodPath, luxonPath,
 * credentialKeyLength (null without a credential), nodeVersion }.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packDirectory } from './pack';

export const PROBE_PACKAGE = 'n8n-nodes-harness-probe';
export const PROBE_NODE_TYPE = `${PROBE_PACKAGE}.probe`;
export const PROBE_CREDENTIAL_TYPE = 'probeApi';

const manifest = {
	name: PROBE_PACKAGE,
	version: '0.0.1',
	description: 'Throwaway package of the E2E harness',
	license: 'MIT',
	keywords: ['n8n-community-node-package'],
	files: ['dist'],
	n8n: {
		n8nNodesApiVersion: 1,
		credentials: ['dist/credentials/ProbeApi.credentials.js'],
		nodes: ['dist/nodes/Probe/Probe.node.js'],
	},
	peerDependencies: { 'n8n-workflow': '*' },
};

const nodeSource = `'use strict';
// required at module top level, exactly as tsc emits imports
const zod_1 = require('zod');
const luxon_1 = require('luxon');
class Probe {
	constructor() {
		this.description = {
			displayName: 'Harness Probe', name: 'probe', group: ['transform'], version: 1,
			description: 'Reports what a community package sees at runtime', defaults: { name: 'Harness Probe' },
			inputs: ['main'], outputs: ['main'], usableAsTool: true,
			credentials: [{ name: 'probeApi', required: false }],
			properties: [{ displayName: 'Text', name: 'text', type: 'string', default: 'x' }],
		};
	}
	async execute() {
		const items = this.getInputData();
		let credential = null;
		try { credential = await this.getCredentials('probeApi'); } catch (e) { credential = null; }
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const text = this.getNodeParameter('text', i);
			out.push({ json: {
				text,
				upper: zod_1.z.string().min(1).transform((s) => s.toUpperCase()).parse(text),
				nextDay: luxon_1.DateTime.fromISO('2026-01-02T03:04:05Z', { zone: 'utc' }).plus({ days: 1 }).toISODate(),
				zodVersion: require('zod/package.json').version,
				zodPath: require.resolve('zod'),
				luxonPath: require.resolve('luxon'),
				credentialKeyLength: credential ? String(credential.apiKey).length : null,
				nodeVersion: process.versions.node,
			}, pairedItem: { item: i } });
		}
		return [out];
	}
}
exports.Probe = Probe;
`;

const credentialSource = `'use strict';
class ProbeApi {
	constructor() {
		this.name = 'probeApi';
		this.displayName = 'Harness Probe API';
		this.properties = [{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' }];
	}
}
exports.ProbeApi = ProbeApi;
`;

/** Writes the probe package's source into `dir` (created) and returns `dir`. */
export function writeProbePackage(dir: string): string {
	fs.mkdirSync(path.join(dir, 'dist', 'nodes', 'Probe'), { recursive: true });
	fs.mkdirSync(path.join(dir, 'dist', 'credentials'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	fs.writeFileSync(path.join(dir, 'dist', 'nodes', 'Probe', 'Probe.node.js'), nodeSource);
	fs.writeFileSync(
		path.join(dir, 'dist', 'credentials', 'ProbeApi.credentials.js'),
		credentialSource,
	);
	return dir;
}

/** Writes and packs the probe package; returns the tarball path. */
export async function packProbePackage(destDir?: string): Promise<string> {
	const src = writeProbePackage(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-probe-src-')));
	try {
		return await packDirectory(src, destDir);
	} finally {
		fs.rmSync(src, { recursive: true, force: true });
	}
}
