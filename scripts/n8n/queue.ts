/**
 * n8n in queue mode on this machine: PostgreSQL and Redis started privately by scripts/queue-mode.sh (installed from
 * Debian's packages when missing), one `n8n start` (main: UI, API, triggers and webhooks, enqueues executions) and
 * `n8n worker` processes that run them. Every process has its own N8N_USER_FOLDER with the package installed, as on
 * separate machines: a worker without the package could not run the template's nodes.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { n8nEnv } from './env';
import { createN8nHome, type N8nHome } from './home';
import { redactSecrets, tail } from './output';
import { freePort } from './ports';
import { killProcess, spawnN8n, stopProcess } from './processes';
import { REPO_ROOT } from './runtime';
import { startN8n, type N8nOwner, type RunningN8n } from './server';

const run = promisify(execFile);
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'queue-mode.sh');

export interface QueueServices {
	dir: string;
	pgPort: number;
	redisPort: number;
	/** the environment every n8n process of the cluster needs to share the database and the queue */
	env: Record<string, string>;
	/** the whole database as SQL text (pg_dump): what n8n stored, decompressed, to search */
	dump(): Promise<string>;
	/** where PostgreSQL keeps its files (under `dir`, or a folder of its own when run as root) */
	pgDataRoot(): string;
	stop(): Promise<void>;
}

/** Installs (when missing) and starts PostgreSQL and Redis with their data under `dir`, on free loopback ports. */
export async function startQueueServices(dir: string): Promise<QueueServices> {
	fs.mkdirSync(dir, { recursive: true });
	const pgPort = await freePort();
	const redisPort = await freePort();
	try {
		await run('bash', [SCRIPT, 'start', dir, String(pgPort), String(redisPort)], {
			maxBuffer: 16 * 1024 * 1024,
		});
	} catch (error) {
		const e = error as { stderr?: string; message: string };
		throw new Error(`scripts/queue-mode.sh start failed: ${(e.stderr || e.message).trim()}`);
	}
	return {
		dir,
		pgPort,
		redisPort,
		env: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
		},
		dump: async () =>
			(await run('bash', [SCRIPT, 'dump', String(pgPort)], { maxBuffer: 512 * 1024 * 1024 }))
				.stdout,
		pgDataRoot: () => fs.readFileSync(path.join(dir, 'pg.location'), 'utf8').trim(),
		stop: async () => {
			await run('bash', [SCRIPT, 'stop', dir]).catch(() => undefined);
		},
	};
}

export interface RunningWorker {
	name: string;
	home: N8nHome;
	logs(): string;
	/** execution ids this worker started, read from its log */
	executions(): string[];
	/** SIGKILL, no shutdown: what a crash, an OOM kill or a lost machine leaves behind */
	kill(): Promise<void>;
	stop(): Promise<void>;
}

export interface QueueCluster {
	services: QueueServices;
	main: RunningN8n;
	mainHome: N8nHome;
	workers: RunningWorker[];
	/** one more worker with its own user folder (e.g. in place of a killed one); stopped with the cluster */
	addWorker(): Promise<RunningWorker>;
	stop(): Promise<void>;
}

export interface QueueClusterOptions extends N8nOwner {
	/** folder for the services' data and every process's user folder */
	dir: string;
	tarball: string;
	workers: number;
	/** jobs a worker runs at once (n8n's --concurrency) */
	concurrency?: number;
	env?: Record<string, string>;
}

async function startWorker(
	name: string,
	home: N8nHome,
	env: Record<string, string>,
	concurrency: number,
): Promise<RunningWorker> {
	const child = spawnN8n(
		['worker', `--concurrency=${concurrency}`],
		await n8nEnv(home, env),
		home.workDir,
	);
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
	child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
	const deadline = Date.now() + 180_000;
	while (!/n8n worker is now ready/.test(output)) {
		if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
			await stopProcess(child);
			throw new Error(`n8n worker ${name} did not become ready.\n${redactSecrets(tail(output))}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	let stopped: Promise<void> | undefined;
	return {
		name,
		home,
		logs: () => output,
		executions: () => [...output.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]),
		kill: () => (stopped ??= killProcess(child)),
		stop: () => (stopped ??= stopProcess(child)),
	};
}

/**
 * Services, main and workers. The main starts first: it migrates the database, which workers must not race.
 * Stops everything it started when any part fails to start.
 */
export async function startQueueCluster(opts: QueueClusterOptions): Promise<QueueCluster> {
	const services = await startQueueServices(path.join(opts.dir, 'services'));
	const env = { ...services.env, QUEUE_BULL_PREFIX: `mwwfs${process.pid}`, ...opts.env };
	const workers: RunningWorker[] = [];
	let main: RunningN8n | undefined;
	try {
		const mainHome = createN8nHome({ dir: path.join(opts.dir, 'main'), tarball: opts.tarball });
		main = await startN8n(mainHome, { ...opts, env });
		const homes = Array.from({ length: opts.workers }, (_, i) =>
			createN8nHome({ dir: path.join(opts.dir, `worker${i + 1}`), tarball: opts.tarball }),
		);
		workers.push(
			...(await Promise.all(
				homes.map((h, i) => startWorker(`worker${i + 1}`, h, env, opts.concurrency ?? 5)),
			)),
		);
		const started = main;
		return {
			services,
			main: started,
			mainHome,
			workers,
			addWorker: async () => {
				const name = `worker${workers.length + 1}`;
				const home = createN8nHome({ dir: path.join(opts.dir, name), tarball: opts.tarball });
				const worker = await startWorker(name, home, env, opts.concurrency ?? 5);
				workers.push(worker);
				return worker;
			},
			stop: async () => {
				await Promise.all([started.stop(), ...workers.map((w) => w.stop())]);
				await services.stop();
			},
		};
	} catch (error) {
		await Promise.all([main?.stop(), ...workers.map((w) => w.stop())]);
		await services.stop();
		throw error;
	}
}
