/** `n8n start` on a home, with the owner created from the environment, plus login and a public-API client. */
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { n8nEnv } from './env';
import { httpRequest, type HttpAnswer } from './http';
import type { N8nHome } from './home';
import { redactSecrets, tail } from './output';
import { spawnN8n, stopProcess } from './processes';
import { locateRuntime } from './runtime';

export interface N8nOwner {
	ownerEmail: string;
	ownerPassword: string;
}

export interface StartOptions extends N8nOwner {
	env?: Record<string, string>;
	/** how long to wait for /healthz/readiness (default 3 minutes: 2 slow shared cores) */
	readyTimeoutMs?: number;
}

export interface RunningN8n {
	/** base URL, e.g. http://127.0.0.1:40123 */
	url: string;
	port: number;
	process: ChildProcess;
	/** everything n8n printed so far (stdout and stderr interleaved) */
	logs(): string;
	/** stops n8n and its task runners; resolves when they are gone; safe to call twice */
	stop(): Promise<void>;
}

/** bcrypt hash for N8N_INSTANCE_OWNER_PASSWORD_HASH, made with the bcryptjs that ships inside the n8n install. */
export function hashOwnerPassword(password: string): string {
	const requireFromN8n = createRequire(
		path.join(locateRuntime().n8nModulesDir, 'n8n', 'package.json'),
	);
	const bcrypt = requireFromN8n('bcryptjs') as { hashSync(pw: string, rounds: number): string };
	return bcrypt.hashSync(password, 10);
}

async function isReady(url: string): Promise<boolean> {
	try {
		return (await httpRequest(`${url}/healthz/readiness`, { timeoutMs: 5_000 })).status === 200;
	} catch {
		return false;
	}
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function startOnce(
	home: N8nHome,
	opts: StartOptions,
): Promise<RunningN8n & { addrInUse: () => boolean }> {
	const env = await n8nEnv(home, {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: opts.ownerEmail,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: hashOwnerPassword(opts.ownerPassword),
		N8N_INSTANCE_OWNER_FIRST_NAME: 'E2E',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		...opts.env,
	});
	const port = Number(env.N8N_PORT);
	const url = `http://127.0.0.1:${port}`;
	const child = spawnN8n(['start'], env, home.workDir);
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
	child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
	let stopped: Promise<void> | undefined;
	const running = {
		url,
		port,
		process: child,
		logs: () => output,
		stop: () => (stopped ??= stopProcess(child)),
		addrInUse: () => /EADDRINUSE/.test(output),
	};
	const deadline = Date.now() + (opts.readyTimeoutMs ?? 180_000);
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			await running.stop();
			return running;
		}
		if (await isReady(url)) return running;
		if (Date.now() > deadline) {
			await running.stop();
			throw new Error(
				`n8n start did not become ready at ${url}/healthz/readiness within ${opts.readyTimeoutMs ?? 180_000} ms.\n` +
					redactSecrets(tail(output)),
			);
		}
		await sleep(250);
	}
}

/**
 * Starts `n8n start` on `home` (loopback, free ports) with an owner created from the environment, and waits until
 * `/healthz/readiness` answers 200. Retries once if a chosen port was taken meanwhile.
 */
export async function startN8n(home: N8nHome, opts: StartOptions): Promise<RunningN8n> {
	for (let attempt = 1; ; attempt++) {
		const running = await startOnce(home, opts);
		const exited = running.process.exitCode !== null || running.process.signalCode !== null;
		if (!exited) return running;
		if (running.addrInUse() && attempt < 2) continue;
		throw new Error(
			`n8n start exited before it was ready (exit code ${running.process.exitCode}, signal ${running.process.signalCode}).\n` +
				redactSecrets(tail(running.logs())),
		);
	}
}

export interface PublicApi {
	/** GET `/api/v1<path>` with the API key; throws on a non-2xx answer */
	get<T = unknown>(apiPath: string): Promise<T>;
	/** POST `/api/v1<path>` with a JSON body and the API key; throws on a non-2xx answer */
	post<T = unknown>(apiPath: string, body?: unknown): Promise<T>;
	listWorkflows(): Promise<
		Array<{ id: string; name: string; active?: boolean; [k: string]: unknown }>
	>;
	listExecutions(query?: { workflowId?: string; includeData?: boolean; status?: string }): Promise<
		Array<{
			id: string | number;
			workflowId: string;
			status: string;
			mode: string;
			data?: unknown;
			[k: string]: unknown;
		}>
	>;
}

export interface N8nSession {
	/** `n8n-auth=<jwt>`, for /rest and /types requests */
	cookie: string;
	apiKey: string;
	api: PublicApi;
	/** GET on the internal REST/UI server with the login cookie (e.g. `/types/nodes.json`, `/rest/…`) */
	getWithCookie<T = unknown>(p: string): Promise<T>;
}

function readJson(res: HttpAnswer, what: string): unknown {
	if (res.status < 200 || res.status >= 300) {
		throw new Error(`${what} answered ${res.status}: ${redactSecrets(res.text.slice(0, 500))}`);
	}
	try {
		return res.json();
	} catch {
		throw new Error(`${what} did not answer JSON: ${redactSecrets(res.text.slice(0, 200))}`);
	}
}

/** Public API client (`/api/v1`, header X-N8N-API-KEY). */
export function publicApi(url: string, apiKey: string): PublicApi {
	const get = async <T>(apiPath: string): Promise<T> =>
		readJson(
			await httpRequest(`${url}/api/v1${apiPath}`, { headers: { 'X-N8N-API-KEY': apiKey } }),
			`GET /api/v1${apiPath}`,
		) as T;
	const post = async <T>(apiPath: string, body: unknown = {}): Promise<T> =>
		readJson(
			await httpRequest(`${url}/api/v1${apiPath}`, {
				method: 'POST',
				headers: { 'X-N8N-API-KEY': apiKey },
				body,
			}),
			`POST /api/v1${apiPath}`,
		) as T;
	return {
		get,
		post,
		listWorkflows: async () => (await get<{ data: never[] }>('/workflows')).data,
		listExecutions: async (query = {}) => {
			const params = new URLSearchParams();
			if (query.workflowId) params.set('workflowId', query.workflowId);
			if (query.includeData) params.set('includeData', 'true');
			if (query.status) params.set('status', query.status);
			const qs = params.toString();
			return (await get<{ data: never[] }>(`/executions${qs ? `?${qs}` : ''}`)).data;
		},
	};
}

/**
 * Logs in as the owner (`POST /rest/login`) and creates a public-API key (`POST /rest/api-keys`) with every scope
 * the owner may grant (`GET /rest/api-keys/scopes`).
 */
export async function loginAndApiKey(url: string, owner: N8nOwner): Promise<N8nSession> {
	const login = await httpRequest(`${url}/rest/login`, {
		method: 'POST',
		body: { emailOrLdapLoginId: owner.ownerEmail, password: owner.ownerPassword },
	});
	readJson(login, 'POST /rest/login');
	const authCookie = (login.headers['set-cookie'] ?? []).find((c) => c.startsWith('n8n-auth='));
	if (!authCookie)
		throw new Error(
			'POST /rest/login succeeded but set no n8n-auth cookie (is N8N_SECURE_COOKIE=false?)',
		);
	const cookie = authCookie.split(';')[0];
	const getWithCookie = async <T>(p: string): Promise<T> =>
		readJson(await httpRequest(`${url}${p}`, { headers: { cookie } }), `GET ${p}`) as T;
	const scopes = ((await getWithCookie<{ data: string[] }>('/rest/api-keys/scopes')).data ??
		[]) as string[];
	if (scopes.length === 0)
		throw new Error('GET /rest/api-keys/scopes returned no scopes for the owner');
	const created = readJson(
		await httpRequest(`${url}/rest/api-keys`, {
			method: 'POST',
			headers: { cookie },
			body: { label: `e2e-${Date.now()}`, scopes, expiresAt: null },
		}),
		'POST /rest/api-keys',
	) as { data?: { rawApiKey?: string } };
	const apiKey = created.data?.rawApiKey;
	if (!apiKey) throw new Error('POST /rest/api-keys returned no data.rawApiKey');
	return { cookie, apiKey, api: publicApi(url, apiKey), getWithCookie };
}
