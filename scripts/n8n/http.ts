/**
 * Plain HTTP for talking to a harness-started n8n. One connection per request (agent: false): global fetch keeps
 * sockets alive, and n8n closes idle ones after 5 s, so a request sent on a socket the server is just closing fails
 * with "other side closed" — which a slow, loaded machine hits regularly.
 */
import * as http from 'node:http';

export interface HttpAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	/** the body parsed as JSON (throws if it is not JSON) */
	json<T = unknown>(): T;
}

export interface HttpOptions {
	method?: string;
	headers?: Record<string, string>;
	/** sent as JSON */
	body?: unknown;
	/** default 60 s */
	timeoutMs?: number;
}

export function httpRequest(url: string, opts: HttpOptions = {}): Promise<HttpAnswer> {
	const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
	const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
	if (payload) {
		headers['content-type'] = 'application/json';
		headers['content-length'] = String(payload.length);
	}
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{ method: opts.method ?? 'GET', headers, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						text,
						json: <T>() => JSON.parse(text) as T,
					});
				});
			},
		);
		req.setTimeout(opts.timeoutMs ?? 60_000, () =>
			req.destroy(new Error(`${opts.method ?? 'GET'} ${url} timed out`)),
		);
		req.on('error', reject);
		req.end(payload);
	});
}
