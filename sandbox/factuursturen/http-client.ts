/**
 * A minimal HTTP client for tests and scripts that talk to the Factuursturen sandbox as a real client would
 * (HTTP Basic, JSON or form bodies) and to its inspection API. Not used by the sandbox itself.
 */
export interface FsResponse {
	status: number;
	headers: Headers;
	contentType: string;
	text: string;
	/** the body parsed as JSON (throws when it is not JSON) */
	json: <T = unknown>() => T;
	remaining: number | null;
}

export interface FsTarget {
	url: string;
	baseUrl: string;
	username: string;
	apiKey: string;
}

export interface RequestOptions {
	/** send the body form-encoded (values must be strings) instead of JSON */
	form?: boolean;
	/** override the Authorization header; null sends none */
	authorization?: string | null;
	timeoutMs?: number;
}

export const basicAuth = (username: string, apiKey: string): string =>
	`Basic ${Buffer.from(`${username}:${apiKey}`).toString('base64')}`;

export function fsClient(target: FsTarget) {
	const request = async (
		method: string,
		path: string,
		body?: unknown,
		opts: RequestOptions = {},
	): Promise<FsResponse> => {
		const headers: Record<string, string> = { Accept: 'application/json' };
		const authorization =
			opts.authorization === undefined
				? basicAuth(target.username, target.apiKey)
				: opts.authorization;
		if (authorization !== null) headers.Authorization = authorization;
		let payload: string | undefined;
		if (body !== undefined) {
			if (opts.form) {
				headers['Content-Type'] = 'application/x-www-form-urlencoded';
				payload = new URLSearchParams(body as Record<string, string>).toString();
			} else {
				headers['Content-Type'] = 'application/json';
				payload = JSON.stringify(body);
			}
		}
		const url = path.startsWith('/__sandbox/') ? target.url + path : target.baseUrl + path;
		const res = await fetch(url, {
			method,
			headers,
			body: payload,
			signal: opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined,
		});
		const buffer = Buffer.from(await res.arrayBuffer());
		const text = buffer.toString('utf8');
		const remaining = res.headers.get('x-ratelimit-remaining');
		return {
			status: res.status,
			headers: res.headers,
			contentType: res.headers.get('content-type') ?? '',
			text,
			json: <T>() => JSON.parse(text) as T,
			remaining: remaining === null ? null : Number(remaining),
		};
	};
	return {
		request,
		get: (path: string, opts?: RequestOptions) => request('GET', path, undefined, opts),
		post: (path: string, body: unknown, opts?: RequestOptions) => request('POST', path, body, opts),
		put: (path: string, body: unknown, opts?: RequestOptions) => request('PUT', path, body, opts),
		del: (path: string, opts?: RequestOptions) => request('DELETE', path, undefined, opts),
		/** raw bytes of a response (PDF) */
		bytes: async (path: string): Promise<{ status: number; contentType: string; body: Buffer }> => {
			const res = await fetch(target.baseUrl + path, {
				headers: { Authorization: basicAuth(target.username, target.apiKey) },
			});
			return {
				status: res.status,
				contentType: res.headers.get('content-type') ?? '',
				body: Buffer.from(await res.arrayBuffer()),
			};
		},
		state: async <T = SandboxState>(): Promise<T> =>
			(await request('GET', '/__sandbox/state')).json<T>(),
		control: async (body: unknown): Promise<Record<string, unknown>> =>
			(await request('POST', '/__sandbox/control', body)).json<Record<string, unknown>>(),
		faults: async (faults: unknown[]): Promise<void> => {
			await request('POST', '/__sandbox/faults', faults);
		},
	};
}

export interface SandboxState {
	clients: Array<Record<string, unknown>>;
	invoices: Array<Record<string, unknown>>;
	savedInvoices: Array<Record<string, unknown>>;
	products: Array<Record<string, unknown>>;
	rateLimit: { remaining: number; windowEndsAt: string };
}
