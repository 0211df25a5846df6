/**
 * Every n8n process the harness starts goes through `spawnN8n`, which
 *  - starts it with the Node 24 binary and the parent-watch preload (no orphans even if this process is SIGKILLed),
 *  - makes it a process-group leader, so stopping it also stops the task-runner children it spawns,
 *  - records it, so an exit/signal handler of this process kills whatever is still running.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import * as path from 'node:path';
import { locateRuntime } from './runtime';

const running = new Set<ChildProcess>();
let hooksInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

/** Synchronously SIGKILLs every process group still recorded; safe to call more than once. */
export function killAllN8n(): void {
	for (const child of running) killGroup(child, 'SIGKILL');
	running.clear();
}

function installHooks(): void {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', killAllN8n);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		const onSignal = (): void => {
			killAllN8n();
			// restore the default behaviour and re-raise, so the process still ends as it would have
			process.removeListener(signal, onSignal);
			process.kill(process.pid, signal);
		};
		process.on(signal, onSignal);
	}
}

/** SIGKILLs one process group now, as a crash or the OOM killer would; resolves when the leader has exited. */
export async function killProcess(child: ChildProcess): Promise<void> {
	const exited =
		child.exitCode !== null || child.signalCode !== null
			? Promise.resolve()
			: new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGKILL');
	await exited;
	running.delete(child);
}

export function runningN8nCount(): number {
	return running.size;
}

/** Starts `n8n <args>` under Node 24 with exactly `env` (no inherited variables); stdout/stderr piped unless `stdio` says otherwise. */
export function spawnN8n(
	args: string[],
	env: Record<string, string>,
	cwd: string,
	stdio: StdioOptions = ['ignore', 'pipe', 'pipe'],
): ChildProcess {
	installHooks();
	const runtime = locateRuntime();
	const child = spawn(
		runtime.nodeBin,
		['--require', path.join(__dirname, 'parent-watch.cjs'), runtime.n8nMain, ...args],
		{
			cwd,
			env: { ...env, N8N_HARNESS_PARENT_PID: String(process.pid) },
			detached: true,
			stdio,
		},
	);
	running.add(child);
	child.once('exit', () => running.delete(child));
	child.once('error', () => running.delete(child));
	return child;
}

/** SIGTERM the process group, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		running.delete(child);
		// the leader is gone; make sure no runner of its group survives
		killGroupQuietly(child);
		return;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const forced = new Promise<void>((resolve) => {
		timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			resolve();
		}, graceMs);
	});
	await Promise.race([exited, forced]);
	await exited;
	if (timer) clearTimeout(timer);
	killGroupQuietly(child);
	running.delete(child);
}

function killGroupQuietly(child: ChildProcess): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		// no process left in the group: the normal case
	}
}
