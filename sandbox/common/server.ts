/**
 * The HTTP skeleton both API sandboxes share: routing, a request log, fault injection per route and an
 * inspection API under the reserved prefix `/__sandbox/` (never a path of either real API).
 *
 * Inspection API (no auth; loopback only):
 *   GET  /__sandbox/requests            every request received: method, path, query (secrets redacted), status
 *   GET  /__sandbox/state               the sandbox's stored data (each sandbox supplies it)
 *   POST /__sandbox/faults              body: Fault[]; replaces the active faults
 *   DELETE /__sandbox/faults            clears them
 *   POST /__sandbox/reset               clears the request log and faults and calls the sandbox's reset
 *   POST /__sandbox/control             body passed to the sandbox's control hook (e.g. rate-limit settings)
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom, type Random } from './random';

export type FaultKind =
	/** answer with `status` (default 503) without running the handler */
	| 'error'
	/** wait `delayMs` (default 30 s) before handling: beyond any sane client timeout */
	| 'slow'
	/** destroy the socket without an answer, before the handler runs */
	| 'reset'
	/** run the handler (the change is stored), then destroy the socket: the client never learns the result */
	| 'commit-then-drop'
	/** answer `status` (default 200) with `body` as is (an HTML page, cut-off JSON, "") without running the handler */
	| 'replace'
	/** run the handler (the change is stored), then answer `status` (default 200) with `body` instead of its answer */
	| 'commit-then-replace';

export interface Fault {
	/** "METHOD /path/pattern" as in the route table, e.g. "POST /api/v1/invoices"; "*" matches every route */
	route: string;
	kind: FaultKind;
	status?: number;
	delayMs?: number;
	/** how many matching requests it hits before it is spent (default: unlimited) */
	times?: number;
	/** the raw body of a `replace` / `commit-then-replace` answer (default "") */
	body?: string;
	/** its Content-Type (default application/json: a broken answer that claims to be JSON) */
	contentType?: string;
	/** probability per matching request (default 1), drawn from the sandbox's seeded PRNG */
	probability?: number;
}

export interface SandboxRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	rawBody: string;
	/** parsed JSON, or form fields as an object, or undefined */
	body: unknown;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** a string is sent as text/plain, anything else as JSON; a Buffer as is */
	body?: unknown;
	contentType?: string;
}

export interface Route {
	method: string;
	/** path template with :params, e.g. /v1/orders/:number */
	path: string;
	handler: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;
}

export interface LoggedRequest {
	at: string;
	method: string;
	path: string;
	route: string | null;
	query: Record<string, string>;
	body: unknown;
	status: number | null;
	fault: FaultKind | null;
}

export interface SandboxOptions {
	name: string;
	routes: Route[];
	seed?: number;
	/** runs before every routed request; return a response to short-circuit (auth, rate limit) */
	before?: (req: SandboxRequest, route: Route) => SandboxResponse | undefined;
	/** headers added to every response (e.g. X-RateLimit-Remaining); called after the handler */
	after?: (req: SandboxRequest, res: SandboxResponse, route: Route | null) => void;
	state: () => unknown;
	reset?: () => void;
	control?: (body: unknown) => unknown;
	/** query parameter names whose values are replaced by *** in the request log */
	secretQueryParams?: string[];
}

export interface RunningSandbox {
	url: string;
	port: number;
	requests: LoggedRequest[];
	setFaults(faults: Fault[]): void;
	close(): Promise<void>;
}

interface ActiveFault extends Fault {
	hits: number;
}

function compile(path: string): { regex: RegExp; keys: string[] } {
	const keys: string[] = [];
	const pattern = path.replace(/\/:([A-Za-z_]+)/g, (_m, key: string) => {
		keys.push(key);
		return '/([^/]+)';
	});
	return { regex: new RegExp(`^${pattern}/?$`), keys };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (!raw) return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export function send(res: http.ServerResponse, out: SandboxResponse): void {
	const headers: Record<string, string> = { ...(out.headers ?? {}) };
	let payload: string | Buffer = '';
	if (Buffer.isBuffer(out.body)) {
		payload = out.body;
		headers['Content-Type'] ??= out.contentType ?? 'application/octet-stream';
	} else if (typeof out.body === 'string') {
		payload = out.body;
		headers['Content-Type'] ??= out.contentType ?? 'text/plain; charset=utf-8';
	} else if (out.body !== undefined) {
		payload = JSON.stringify(out.body);
		headers['Content-Type'] ??= out.contentType ?? 'application/json';
	}
	res.writeHead(out.status, headers);
	res.end(payload);
}

export async function startSandbox(
	options: SandboxOptions,
	port = 0,
	host = '127.0.0.1',
): Promise<RunningSandbox> {
	const compiled = options.routes.map((r) => ({ route: r, ...compile(r.path) }));
	const requests: LoggedRequest[] = [];
	let faults: ActiveFault[] = [];
	const random: Random = seededRandom(options.seed ?? 1);
	const secret = new Set(options.secretQueryParams ?? []);

	const pickFault = (routeKey: string): ActiveFault | undefined => {
		for (const f of faults) {
			if (f.route !== '*' && f.route !== routeKey) continue;
			if (f.times !== undefined && f.hits >= f.times) continue;
			if (f.probability !== undefined && !random.chance(f.probability)) continue;
			f.hits++;
			return f;
		}
		return undefined;
	};

	const inspection = async (req: SandboxRequest): Promise<SandboxResponse | undefined> => {
		const p = req.path;
		if (p === '/__sandbox/requests' && req.method === 'GET') return { status: 200, body: requests };
		if (p === '/__sandbox/state' && req.method === 'GET')
			return { status: 200, body: options.state() };
		if (p === '/__sandbox/faults' && req.method === 'POST') {
			faults = ((req.body as Fault[]) ?? []).map((f) => ({ ...f, hits: 0 }));
			return { status: 200, body: faults };
		}
		if (p === '/__sandbox/faults' && req.method === 'DELETE') {
			faults = [];
			return { status: 200, body: [] };
		}
		if (p === '/__sandbox/reset' && req.method === 'POST') {
			requests.length = 0;
			faults = [];
			options.reset?.();
			return { status: 200, body: { ok: true } };
		}
		if (p === '/__sandbox/control' && req.method === 'POST') {
			try {
				return { status: 200, body: options.control?.(req.body) ?? {} };
			} catch (error) {
				return { status: 400, body: { error: (error as Error).message } };
			}
		}
		return undefined;
	};

	const server = http.createServer((res_req, res) => {
		const chunks: Buffer[] = [];
		res_req.on('data', (c: Buffer) => chunks.push(c));
		res_req.on('end', () => {
			void (async () => {
				const url = new URL(res_req.url ?? '/', 'http://sandbox');
				const rawBody = Buffer.concat(chunks).toString('utf8');
				const req: SandboxRequest = {
					method: (res_req.method ?? 'GET').toUpperCase(),
					path: url.pathname,
					params: {},
					query: url.searchParams,
					headers: res_req.headers,
					rawBody,
					body: parseBody(rawBody, res_req.headers['content-type']),
				};
				if (req.path.startsWith('/__sandbox/')) {
					const out = (await inspection(req)) ?? {
						status: 404,
						body: { error: 'unknown inspection path' },
					};
					return send(res, out);
				}
				const query: Record<string, string> = {};
				for (const [k, v] of url.searchParams) query[k] = secret.has(k) ? '***' : v;
				const entry: LoggedRequest = {
					at: new Date().toISOString(),
					method: req.method,
					path: req.path,
					route: null,
					query,
					body: req.body,
					status: null,
					fault: null,
				};
				requests.push(entry);

				let match: (typeof compiled)[number] | undefined;
				for (const c of compiled) {
					if (c.route.method !== req.method) continue;
					const m = c.regex.exec(req.path);
					if (!m) continue;
					match = c;
					try {
						c.keys.forEach((k, i) => (req.params[k] = decodeURIComponent(m[i + 1])));
					} catch {
						// a malformed %-escape: keep the raw segment, as a PHP back end would not crash either
						c.keys.forEach((k, i) => (req.params[k] = m[i + 1]));
					}
					break;
				}
				if (!match) {
					const out: SandboxResponse = { status: 404, body: { code: 404, message: 'Not found' } };
					options.after?.(req, out, null);
					entry.status = 404;
					return send(res, out);
				}
				const routeKey = `${match.route.method} ${match.route.path}`;
				entry.route = routeKey;

				const early = options.before?.(req, match.route);
				if (early) {
					options.after?.(req, early, match.route);
					entry.status = early.status;
					return send(res, early);
				}

				const fault = pickFault(routeKey);
				if (fault) entry.fault = fault.kind;
				if (fault?.kind === 'reset') return res_req.socket.destroy();
				if (fault?.kind === 'error') {
					const out: SandboxResponse = {
						status: fault.status ?? 503,
						body: 'Service temporarily unavailable',
					};
					options.after?.(req, out, match.route);
					entry.status = out.status;
					return send(res, out);
				}
				const replaced = (): SandboxResponse => ({
					status: fault?.status ?? 200,
					body: fault?.body ?? '',
					contentType: fault?.contentType ?? 'application/json',
				});
				if (fault?.kind === 'replace') {
					const out = replaced();
					options.after?.(req, out, match.route);
					entry.status = out.status;
					res.writeHead(out.status, { ...(out.headers ?? {}), 'Content-Type': out.contentType! });
					return res.end(String(out.body));
				}
				if (fault?.kind === 'slow') {
					// unref'd: a stalled request must not keep the test process (or close()) waiting
					// the handler still runs afterwards: a slow server usually finishes work the client gave up on
					await new Promise((r) => setTimeout(r, fault.delayMs ?? 30_000).unref());
				}

				let out: SandboxResponse;
				try {
					out = await match.route.handler(req);
				} catch (error) {
					out = { status: 500, body: { code: 500, message: (error as Error).message } };
				}
				options.after?.(req, out, match.route);
				entry.status = out.status;
				if (fault?.kind === 'commit-then-drop') return res_req.socket.destroy();
				if (fault?.kind === 'commit-then-replace') {
					const r = replaced();
					entry.status = r.status;
					res.writeHead(r.status, { ...(out.headers ?? {}), 'Content-Type': r.contentType! });
					return res.end(String(r.body));
				}
				if (res_req.socket.destroyed) return;
				send(res, out);
			})();
		});
	});

	// a taken port must reject (EADDRINUSE), not crash the process with an unhandled 'error' event: callers
	// such as the demo fall back to free ports
	await new Promise<void>((resolve, reject) => {
		const fail = (error: Error) => reject(error);
		server.once('error', fail);
		server.listen(port, host, () => {
			server.off('error', fail);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${host}:${address.port}`,
		port: address.port,
		requests,
		setFaults: (f) => (faults = f.map((x) => ({ ...x, hits: 0 }))),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}
