/**
 * A stand-in for the parts of n8n's runtime a node touches, for unit tests that run the node's real code
 * against the local API sandboxes. HTTP is REAL (axios, as n8n 2.41's request helper uses), including how
 * n8n applies a credential's generic `authenticate` block and how it turns HTTP failures into NodeApiError.
 * Only n8n itself is replaced, never the remote API: that is what the sandboxes are for.
 *
 * Follows n8n-core 2.41 `request-helpers/authentication.js` and `@n8n/backend-network` `axios/request.js`:
 * qs → axios params, body sent as JSON unless it is URLSearchParams, `json` adds Accept, `encoding` →
 * responseType, `ignoreHttpStatusErrors` → validateStatus, `returnFullResponse` → {body, headers, statusCode}.
 */
import axios, { type AxiosRequestConfig } from 'axios';
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type JsonObject,
} from 'n8n-workflow';

export interface ContextOptions {
	nodeType: INodeType;
	/** node parameters as the editor would store them (missing ones fall back to the description's defaults) */
	parameters: Record<string, unknown> | ((itemIndex: number) => Record<string, unknown>);
	/** credential type name → [credential class, decrypted data] */
	credentials?: Record<string, { type: ICredentialType; data: ICredentialDataDecryptedObject }>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	nodeName?: string;
}

export interface RecordedRequest {
	options: IHttpRequestOptions;
	credentialType: string | null;
}

/** Resolves the `={{$credentials.x}}` / `={{ $credentials?.x }}` expressions that credential definitions use. */
export function resolveCredentialExpression(
	value: unknown,
	data: ICredentialDataDecryptedObject,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const body = value.slice(1);
	return body.replace(/\{\{\s*\$credentials\??\.([A-Za-z0-9_]+)\s*\}\}/g, (_m, key: string) =>
		String(data[key] ?? ''),
	);
}

function resolveDeep(value: unknown, data: ICredentialDataDecryptedObject): unknown {
	if (Array.isArray(value)) return value.map((v) => resolveDeep(v, data));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, data)]));
	}
	return resolveCredentialExpression(value, data);
}

/** Applies a credential type's `authenticate` like n8n's CredentialsHelper does for generic and function auth. */
export async function applyAuthentication(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const auth = type.authenticate;
	if (!auth) return options;
	if (typeof auth === 'function') return await auth(data, options);
	const props = resolveDeep(auth.properties, data) as IDataObject;
	const out: IHttpRequestOptions = { ...options };
	if (props.qs) out.qs = { ...(options.qs ?? {}), ...(props.qs as IDataObject) };
	if (props.headers)
		out.headers = { ...(options.headers ?? {}), ...(props.headers as IDataObject) };
	if (props.body)
		out.body = { ...((options.body as IDataObject) ?? {}), ...(props.body as IDataObject) };
	if (props.auth) out.auth = props.auth as IHttpRequestOptions['auth'];
	return out;
}

/** n8n's httpRequest, reduced to what these nodes use. Throws axios errors like n8n does. */
export async function performRequest(options: IHttpRequestOptions): Promise<unknown> {
	const config: AxiosRequestConfig = {
		url: options.url,
		baseURL: options.baseURL,
		method: options.method ?? 'GET',
		headers: { ...((options.headers as Record<string, string>) ?? {}) },
		params: options.qs,
		auth: options.auth,
		timeout: options.timeout,
		maxRedirects: options.disableFollowRedirect ? 0 : undefined,
		responseType: options.encoding as AxiosRequestConfig['responseType'],
	};
	const method = String(config.method).toUpperCase();
	const body = options.body;
	const emptyBody =
		body === undefined ||
		body === null ||
		(typeof body === 'object' &&
			!Buffer.isBuffer(body) &&
			!(body instanceof URLSearchParams) &&
			Object.keys(body).length === 0);
	if (!emptyBody && method !== 'GET') {
		if (body instanceof URLSearchParams)
			config.headers!['Content-Type'] = 'application/x-www-form-urlencoded';
		config.data = body;
	}
	if (options.json && !Object.keys(config.headers!).some((h) => h.toLowerCase() === 'accept')) {
		config.headers!.Accept = 'application/json';
	}
	if (options.ignoreHttpStatusErrors) config.validateStatus = () => true;
	const result = await axios.request(config);
	if (options.returnFullResponse) {
		return {
			body: result.data,
			headers: { ...result.headers },
			statusCode: result.status,
			statusMessage: result.statusText,
		};
	}
	return result.data;
}

function defaultsOf(properties: INodeProperties[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const p of properties) if (!(p.name in out)) out[p.name] = p.default;
	return out;
}

function getPath(obj: Record<string, unknown>, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(acc, key) =>
				acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined,
			obj,
		);
}

export interface TestContext {
	execute: IExecuteFunctions;
	loadOptions: ILoadOptionsFunctions;
	requests: RecordedRequest[];
	node: INode;
}

export function createContext(o: ContextOptions): TestContext {
	const requests: RecordedRequest[] = [];
	const node: INode = {
		id: 'node-under-test',
		name: o.nodeName ?? o.nodeType.description.displayName,
		type: `n8n-nodes-mijnwebwinkel-factuursturen.${o.nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const items = o.items ?? [{ json: {} }];
	const defaults = defaultsOf(o.nodeType.description.properties);
	const paramsFor = (i: number): Record<string, unknown> =>
		typeof o.parameters === 'function' ? o.parameters(i) : o.parameters;

	const getCredentials = async (type: string): Promise<ICredentialDataDecryptedObject> => {
		const c = o.credentials?.[type];
		if (!c) throw new Error(`Test context has no credentials of type ${type}`);
		return c.data;
	};

	const httpRequestWithAuthentication = async (
		type: string,
		options: IHttpRequestOptions,
	): Promise<unknown> => {
		const c = o.credentials?.[type];
		if (!c) throw new Error(`Test context has no credentials of type ${type}`);
		const authenticated = await applyAuthentication(c.type, c.data, options);
		requests.push({ options: authenticated, credentialType: type });
		try {
			return await performRequest(authenticated);
		} catch (error) {
			// as n8n-core does: every failure of an authenticated request surfaces as a NodeApiError
			throw new NodeApiError(node, error as JsonObject);
		}
	};

	const httpRequest = async (options: IHttpRequestOptions): Promise<unknown> => {
		requests.push({ options, credentialType: null });
		return await performRequest(options);
	};

	const getNodeParameter = (
		name: string,
		itemIndex = 0,
		fallback?: unknown,
		opts?: { extractValue?: boolean },
	): unknown => {
		const params = paramsFor(itemIndex);
		let value = getPath(params, name);
		if (value === undefined) value = getPath(defaults, name);
		if (value === undefined) {
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		}
		if (opts?.extractValue && value && typeof value === 'object' && 'value' in (value as object)) {
			return (value as { value: unknown }).value;
		}
		return value;
	};

	const logger = { debug() {}, info() {}, warn() {}, error() {}, verbose() {} };
	const helpers = {
		httpRequest,
		httpRequestWithAuthentication,
		returnJsonArray: (data: IDataObject | IDataObject[]) =>
			(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		constructExecutionMetaData: (
			data: INodeExecutionData[],
			meta: { itemData: { item: number } | Array<{ item: number }> },
		) => data.map((d) => ({ ...d, pairedItem: meta.itemData })),
		prepareBinaryData: async (buffer: Buffer, fileName?: string, mimeType?: string) => ({
			data: buffer.toString('base64'),
			fileName,
			mimeType: mimeType ?? 'application/octet-stream',
			fileSize: String(buffer.length),
		}),
	};

	const execute = {
		getInputData: () => items,
		getNode: () => node,
		getNodeParameter,
		getCredentials,
		continueOnFail: () => o.continueOnFail ?? false,
		helpers,
		logger,
		getExecutionCancelSignal: () => undefined,
		getTimezone: () => 'Europe/Amsterdam',
		getMode: () => 'manual',
		evaluateExpression: (expr: string) => expr,
		sendMessageToUI: () => undefined,
	} as unknown as IExecuteFunctions;

	const loadOptions = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => getNodeParameter(name, 0, fallback),
		getCurrentNodeParameter: (name: string) => getPath(paramsFor(0), name),
		getCredentials,
		helpers,
		logger,
		getTimezone: () => 'Europe/Amsterdam',
	} as unknown as ILoadOptionsFunctions;

	return { execute, loadOptions, requests, node };
}
