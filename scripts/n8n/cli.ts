/** One-shot n8n CLI commands against a home: import credentials/workflows, execute a workflow. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { n8nEnv } from './env';
import type { N8nHome } from './home';
import { extractResultJson, redactSecrets, tail } from './output';
import { spawnN8n, stopProcess } from './processes';

export interface CliResult {
	args: string[];
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface CliOptions {
	/** extra environment variables (win over the harness defaults) */
	env?: Record<string, string>;
	/** hard limit, after which the command's process group is killed (default 5 minutes: 2 slow shared cores) */
	timeoutMs?: number;
}

/** Runs `n8n <args>` on `home` and collects its output; never throws for a non-zero exit (callers judge). */
export async function runN8nCli(
	home: N8nHome,
	args: string[],
	opts: CliOptions = {},
): Promise<CliResult> {
	const env = await n8nEnv(home, opts.env);
	const started = Date.now();
	// stdout goes to a file, not a pipe: n8n exits right after printing, and Node writes to pipes asynchronously,
	// so a large result (`execute --rawOutput` of a long loop: megabytes) came back cut off; file writes are synchronous
	const outFile = path.join(home.workDir, `stdout-${process.pid}-${++fileCounter}.log`);
	const outFd = fs.openSync(outFile, 'w', 0o600);
	let child: ReturnType<typeof spawnN8n>;
	try {
		child = spawnN8n(args, env, home.workDir, ['ignore', outFd, 'pipe']);
	} finally {
		fs.closeSync(outFd);
	}
	let stdout = '';
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	let timedOut = false;
	const timeoutMs = opts.timeoutMs ?? 300_000;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopProcess(child, 2_000);
	}, timeoutMs);
	const { exitCode, signal } = await new Promise<{
		exitCode: number | null;
		signal: NodeJS.Signals | null;
	}>((resolve, reject) => {
		child.once('error', reject);
		// 'close' (not 'exit'): all output has been read
		child.once('close', (code, sig) => resolve({ exitCode: code, signal: sig }));
	});
	clearTimeout(timer);
	// the leader is gone; make sure nothing of its group (task runners) stays behind
	await stopProcess(child);
	stdout = fs.readFileSync(outFile, 'utf8');
	fs.rmSync(outFile, { force: true });
	const result = { args, exitCode, signal, stdout, stderr, durationMs: Date.now() - started };
	if (timedOut) {
		throw new Error(
			`n8n ${args.join(' ')} did not finish within ${timeoutMs} ms; killed.\n${describeOutput(result)}`,
		);
	}
	return result;
}

function describeOutput(r: CliResult): string {
	return redactSecrets(
		`exit code ${r.exitCode}${r.signal ? `, signal ${r.signal}` : ''} after ${r.durationMs} ms\n` +
			`--- stderr (tail) ---\n${tail(r.stderr)}\n--- stdout (tail) ---\n${tail(r.stdout)}`,
	);
}

/** Hints for the failures one actually meets with the CLI. */
function hintFor(output: string): string {
	if (/does not exist/.test(output))
		return 'Import the workflow first (importWorkflow) and use its "id".';
	if (/Missing node to start execution/.test(output))
		return '`n8n execute` needs a Manual Trigger (or Execute Workflow Trigger) wired to the first node.';
	if (/Unrecognized node type|is not known/.test(output))
		return 'The node type is not loaded: is the package installed in the home (createN8nHome/installPackage) and is the type `<package name>.<description.name>`?';
	if (/Cannot find module/.test(output))
		return 'A module required by the package is not available inside n8n; only n8n-workflow, lodash, moment, p-limit, luxon and zod are.';
	if (/EADDRINUSE/.test(output))
		return 'A port was taken between choosing and binding it; run again.';
	return '';
}

function failure(what: string, r: CliResult): Error {
	const hint = hintFor(r.stdout + r.stderr);
	return new Error(`${what} failed: ${describeOutput(r)}${hint ? `\nHint: ${hint}` : ''}`);
}

export interface N8nCredential {
	/** kept by n8n; workflows may reference it */
	id: string;
	name: string;
	/** credential type name, e.g. `factuursturenApi` */
	type: string;
	/** plaintext fields; n8n encrypts them with the instance key on import */
	data: Record<string, unknown>;
}

let fileCounter = 0;
function writeWorkFile(home: N8nHome, stem: string, value: unknown): string {
	const file = path.join(home.workDir, `${stem}-${process.pid}-${++fileCounter}.json`);
	fs.writeFileSync(file, JSON.stringify(value, null, 2), { mode: 0o600 });
	return file;
}

/** `n8n import:credentials` of plaintext credentials (the temporary file is removed afterwards). */
export async function importCredentials(
	home: N8nHome,
	creds: N8nCredential[],
	opts: CliOptions = {},
): Promise<CliResult> {
	for (const c of creds) {
		if (!c.id || !c.name || !c.type || !c.data || typeof c.data !== 'object') {
			throw new Error(
				`Credential needs id, name, type and a data object; got ${JSON.stringify({ ...c, data: '…' })}`,
			);
		}
	}
	const file = writeWorkFile(home, 'credentials', creds);
	try {
		const r = await runN8nCli(home, ['import:credentials', `--input=${file}`], opts);
		if (r.exitCode !== 0 || !/Successfully imported/.test(r.stdout + r.stderr))
			throw failure('n8n import:credentials', r);
		return r;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** n8n workflow ids: at most 21 characters (longer ones are rejected by import). */
function newWorkflowId(): string {
	return `e2e${randomBytes(8).toString('hex')}`.slice(0, 16);
}

/**
 * `n8n import:workflow` of one workflow or an array. Workflows without an id get one (execute needs it); the
 * ids are returned in input order. Import credentials first: references are re-linked by name and type.
 */
export async function importWorkflow(
	home: N8nHome,
	workflowJson: WorkflowJson | WorkflowJson[],
	opts: CliOptions = {},
): Promise<{ ids: string[]; cli: CliResult }> {
	const list = (Array.isArray(workflowJson) ? workflowJson : [workflowJson]).map((w) => ({
		active: false,
		settings: {},
		...w,
		id: w.id ?? newWorkflowId(),
	}));
	for (const w of list) {
		if (w.id.length > 21)
			throw new Error(`Workflow id "${w.id}" is longer than 21 characters; n8n rejects it.`);
		if (!Array.isArray(w.nodes) || typeof w.connections !== 'object') {
			throw new Error(`Workflow "${w.name}" needs "nodes" (array) and "connections" (object).`);
		}
	}
	const file = writeWorkFile(home, 'workflows', list);
	try {
		const cli = await runN8nCli(home, ['import:workflow', `--input=${file}`], opts);
		if (cli.exitCode !== 0 || !/Successfully imported/.test(cli.stdout + cli.stderr))
			throw failure('n8n import:workflow', cli);
		return { ids: list.map((w) => w.id), cli };
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** Per node name, the node's runs as n8n records them (`data.main[output][item].json`, `error`, …). */
export type RunData = Record<string, Array<Record<string, unknown>>>;

export interface ExecuteResult {
	/** execution status as n8n reports it: 'success', 'error', 'canceled', … */
	status: string;
	runData: RunData;
	/** the whole execution object printed by n8n */
	raw: Record<string, unknown>;
	/** the workflow-level error of a failed run (message, node, description), if any */
	error?: {
		message?: string;
		description?: string;
		node?: { name?: string };
		[key: string]: unknown;
	};
	/** the CLI command's output (`n8n execute` only; a run in a server has none) */
	cli?: CliResult;
	/** wall-clock time from the request to the finished execution */
	durationMs: number;
}

export interface ExecuteOptions extends CliOptions {
	/** return failed runs instead of throwing (default false: a status other than 'success' throws) */
	allowFailure?: boolean;
}

/**
 * `n8n execute --id=<id> --rawOutput` and the execution read back from its output.
 * Known quirk: n8n 2.41.1 sometimes segfaults while exiting after printing a complete result;
 * a complete result counts, whatever the exit code. No result at all throws with n8n's output and a hint.
 */
export async function executeWorkflow(
	home: N8nHome,
	id: string,
	opts: ExecuteOptions = {},
): Promise<ExecuteResult> {
	const cli = await runN8nCli(home, ['execute', `--id=${id}`, '--rawOutput'], opts);
	const raw = extractResultJson(cli.stdout);
	if (!raw || typeof raw.status !== 'string')
		throw failure(`n8n execute --id=${id} (no execution result printed)`, cli);
	const resultData = ((raw.data as Record<string, unknown> | undefined)?.resultData ??
		{}) as Record<string, unknown>;
	const result: ExecuteResult = {
		status: raw.status,
		runData: (resultData.runData ?? {}) as RunData,
		raw,
		error: resultData.error as ExecuteResult['error'],
		cli,
		durationMs: cli.durationMs,
	};
	if (result.status !== 'success' && !opts.allowFailure) {
		const e = result.error;
		throw new Error(
			redactSecrets(
				`Workflow ${id} ran with status "${result.status}"` +
					(e
						? `: ${e.message ?? ''}${e.node?.name ? ` (node "${e.node.name}")` : ''}${e.description ? ` — ${e.description}` : ''}`
						: '') +
					`\nnodes that ran: ${Object.keys(result.runData).join(', ') || 'none'}\n--- stderr (tail) ---\n${tail(cli.stderr, 20)}`,
			),
		);
	}
	return result;
}

/** The JSON of every item a node put on output `output` in its run `run` (default: first run, main output 0). */
export function nodeOutput(
	result: ExecuteResult,
	nodeName: string,
	output = 0,
	run = 0,
): Array<Record<string, unknown>> {
	const runs = result.runData[nodeName];
	if (!runs) {
		throw new Error(
			`Node "${nodeName}" did not run; nodes that ran: ${Object.keys(result.runData).join(', ') || 'none'}`,
		);
	}
	const data = runs[run]?.data as
		| { main?: Array<Array<{ json: Record<string, unknown> }> | null> }
		| undefined;
	return (data?.main?.[output] ?? []).map((item) => item.json);
}
