/**
 * The one way this node talks to Mijnwebwinkel. HTTP errors are not thrown by n8n here
 * (`ignoreHttpStatusErrors`) so that status, body and `Retry-After` can be read; every failure leaves as an
 * error built by `apiError`, with the tokens redacted.
 *
 * Retries: a 429 waits as `Retry-After` says (any method: the request was refused, not processed). A 5xx,
 * a reset or a timeout is retried for GET only: a PATCH may have been applied although no answer came.
 * Every wait counts against one total budget per request.
 */
import { httpErrorCode, type ErrorCode } from '../../../core/error-codes';
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';
import { apiError, apiMessageOf, isTimeout, networkCodeOf, type ApiFailure } from './errors';
import { redactSecrets } from './redact';

export const CREDENTIAL_TYPE = 'mijnwebwinkelApi';
export const DEFAULT_BASE_URL = 'https://api.myonlinestore.com';

export interface RequestPolicy {
	/** how often a 429 answer is retried */
	rateLimitRetries: number;
	/** total seconds this request may spend waiting (rate limit and retries) */
	maxWaitSeconds: number;
	/** how often a GET is retried after a 5xx, a reset connection or a timeout */
	serverErrorRetries: number;
	/** per attempt */
	timeoutMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
	rateLimitRetries: 3,
	maxWaitSeconds: 120,
	serverErrorRetries: 2,
	timeoutMs: 30_000,
};

export interface MijnwebwinkelRequest {
	method: IHttpRequestMethods;
	/** path below the base URL, e.g. /v1/orders */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(value: unknown, nowMs: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
	const at = Date.parse(text);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function header(headers: Record<string, unknown>, name: string): unknown {
	const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** The hint for an HTTP failure: what the user can do about it. */
export function hintFor(
	status: number,
	apiMessage: string | undefined,
	endpoint: string,
): { code: ErrorCode; hint: string } {
	const said = (apiMessage ?? '').toLowerCase();
	if (status === 401 && /partner/.test(said)) {
		return {
			code: 'invalid_partner_token',
			hint: 'The partner token is wrong or missing. Enter the token Mijnwebwinkel issued to the integration partner in the Mijnwebwinkel API credential.',
		};
	}
	if (status === 401) {
		return {
			code: 'invalid_token',
			hint: 'The store token or partner token is wrong, expired or revoked. Make a new store token in Mijnwebwinkel under Instellingen > API > Token toevoegen and paste it into the Mijnwebwinkel API credential.',
		};
	}
	if (status === 403 && /partner/.test(said)) {
		return {
			code: 'token_other_partner',
			hint: 'This store token was made for another partner. In Mijnwebwinkel go to Instellingen > API > Token toevoegen, choose the partner this integration belongs to, and paste the new token into the credential.',
		};
	}
	if (status === 403 && /plan|premium|abonnement|subscription/.test(said)) {
		return {
			code: 'no_api_access',
			hint: "The shop's Mijnwebwinkel plan has no API access: the API needs the PREMIUM plan. Upgrade the plan, then try again.",
		};
	}
	if (status === 403) {
		return {
			code: 'forbidden',
			hint: "Mijnwebwinkel refused access. Check that the store token was made for this integration's partner (Instellingen > API > Token toevoegen) and that the shop has the PREMIUM plan, which the API needs.",
		};
	}
	if (status === 404) {
		return {
			code: 'not_found',
			hint: `Nothing found at ${endpoint}: check the number or id. If every call answers 404, check the Base URL in the credential.`,
		};
	}
	if (status === 400 || status === 422) {
		return {
			code: httpErrorCode(status),
			hint: 'Mijnwebwinkel rejected the request: check the values in this node against the message.',
		};
	}
	if (status >= 500) {
		return {
			code: 'server_error',
			hint: 'Mijnwebwinkel had a server error. Try again later; if it keeps happening, contact Mijnwebwinkel support.',
		};
	}
	return {
		code: httpErrorCode(status),
		hint: 'Unexpected answer from Mijnwebwinkel: check the credential and the node settings.',
	};
}

function backoffSeconds(attempt: number): number {
	return Math.min(2 ** attempt, 30);
}

export async function mijnwebwinkelRequest(
	this: Context,
	request: MijnwebwinkelRequest,
	policy: RequestPolicy = DEFAULT_POLICY,
	itemIndex?: number,
): Promise<unknown> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const secrets = [credentials.storeToken, credentials.partnerToken].filter(
		(s): s is string => typeof s === 'string' && s !== '',
	);
	const baseURL = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const endpoint = `${request.method} ${redactSecrets(request.path, secrets)}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL,
		url: request.path,
		qs: {
			format: 'json',
			language: String(credentials.language || 'nl_NL'),
			...(request.qs ?? {}),
		},
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		timeout: policy.timeoutMs,
	};
	if (request.body !== undefined) {
		options.body = request.body;
		options.headers = { 'Content-Type': 'application/json' };
	}

	const fail = (failure: Omit<ApiFailure, 'endpoint'>) =>
		apiError(this.getNode(), { ...failure, endpoint }, itemIndex);
	const retryable = request.method === 'GET';
	let rateLimitRetries = 0;
	let serverRetries = 0;
	let waitedSeconds = 0;
	const canWait = (seconds: number) => waitedSeconds + seconds <= policy.maxWaitSeconds;
	const wait = async (seconds: number) => {
		waitedSeconds += seconds;
		await sleep(seconds * 1000);
	};

	for (;;) {
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as FullResponse;
		} catch (error) {
			// n8n's wrapper around this failure holds the request config (tokens included): never rethrow it.
			const code = networkCodeOf(error);
			const timedOut = isTimeout(error, code);
			const delay = backoffSeconds(serverRetries);
			if (retryable && serverRetries < policy.serverErrorRetries && canWait(delay)) {
				serverRetries++;
				await wait(delay);
				continue;
			}
			const retried = serverRetries ? ` (retried ${serverRetries} times)` : '';
			if (timedOut) {
				throw fail({
					code: 'timeout',
					message: `Mijnwebwinkel did not answer within ${policy.timeoutMs / 1000} s${retried}`,
					hint: retryable
						? 'Try again later, or raise "Timeout" in the node\'s Request Options.'
						: 'The change may or may not have been applied: check the order in Mijnwebwinkel before running this again.',
				});
			}
			const unreachable =
				code === 'ECONNREFUSED' ||
				code === 'ENOTFOUND' ||
				code === 'EAI_AGAIN' ||
				code === 'EHOSTUNREACH';
			throw fail({
				code: unreachable ? 'unreachable' : 'connection_lost',
				message: unreachable
					? `Could not reach Mijnwebwinkel at ${redactSecrets(baseURL, secrets)}${retried}`
					: `The connection to Mijnwebwinkel was lost before an answer came${retried}`,
				hint:
					(unreachable
						? 'Check the Base URL in the Mijnwebwinkel API credential and the network connection of the n8n host.'
						: retryable
							? 'Try again later; if it keeps happening, check the network connection of the n8n host.'
							: 'The change may or may not have been applied: check the order in Mijnwebwinkel before running this again.') +
					(code ? ` (network error ${code})` : ''),
			});
		}

		const status = response.statusCode;
		if (status >= 200 && status < 300) return response.body === '' ? undefined : response.body;

		const apiMessage = apiMessageOf(response.body, secrets);
		if (status === 429) {
			const asked = retryAfterSeconds(header(response.headers, 'retry-after'), Date.now());
			const delay = asked ?? backoffSeconds(rateLimitRetries);
			if (rateLimitRetries < policy.rateLimitRetries && canWait(delay)) {
				rateLimitRetries++;
				await wait(delay);
				continue;
			}
			const why =
				rateLimitRetries < policy.rateLimitRetries
					? ` and it asked to wait ${delay} s more, beyond the ${policy.maxWaitSeconds} s allowed`
					: '';
			throw fail({
				code: 'rate_limited',
				httpCode: 429,
				message: `Mijnwebwinkel rate limit: retried ${rateLimitRetries} times${why}; try again later or lower the frequency`,
				hint: 'Run the workflow less often or fetch fewer orders per run (narrow the date window). The limits of the Request Options bound how long one run waits.',
				apiMessage,
			});
		}
		if (status >= 500 && retryable) {
			const delay = backoffSeconds(serverRetries);
			if (serverRetries < policy.serverErrorRetries && canWait(delay)) {
				serverRetries++;
				await wait(delay);
				continue;
			}
		}
		const { code, hint } = hintFor(status, apiMessage, endpoint);
		const retried = status >= 500 && serverRetries ? ` (retried ${serverRetries} times)` : '';
		throw fail({
			code,
			httpCode: status,
			message: `Mijnwebwinkel answered HTTP ${status} to ${endpoint}${retried}`,
			hint,
			apiMessage,
		});
	}
}
