/**
 * Errors built from scratch. n8n's own NodeApiError around an HTTP failure keeps the request config (with
 * both tokens in the URL) in its cause; these errors carry only what we put in: a status, the API's own
 * message (redacted), and a hint that says what to do.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import type { ErrorCode } from '../../../core/error-codes';
import { redactSecrets } from './redact';

export interface ApiFailure {
	/** one sentence: what went wrong */
	message: string;
	/** what to do about it */
	hint: string;
	/** HTTP status, when there was an answer */
	httpCode?: number;
	/** the API's own error text, redacted */
	apiMessage?: string;
	/** a stable code for filters, from the catalogue (core/error-codes.ts): invalid_token, rate_limited, timeout, … */
	code: ErrorCode;
	/** "GET /v1/orders", never the full URL */
	endpoint: string;
}

export function apiError(node: INode, failure: ApiFailure, itemIndex?: number): NodeApiError {
	const response: JsonObject = {
		message: failure.message,
		code: failure.code,
		endpoint: failure.endpoint,
		hint: failure.hint,
	};
	if (failure.httpCode !== undefined) response.httpCode = String(failure.httpCode);
	if (failure.apiMessage) response.apiMessage = failure.apiMessage;
	const description = failure.apiMessage
		? `${failure.hint} (Mijnwebwinkel said: ${failure.apiMessage})`
		: failure.hint;
	const error = new NodeApiError(node, response, {
		message: failure.message,
		description,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex,
	});
	return error;
}

/** Reads the API's error text from a legacy `{code,message,description}` or an RFC 7807 `{title,detail}` body. */
export function apiMessageOf(body: unknown, secrets: readonly string[]): string | undefined {
	let text: string | undefined;
	if (typeof body === 'string') {
		text = body.trim().slice(0, 500);
	} else if (body && typeof body === 'object' && !Array.isArray(body)) {
		const b = body as Record<string, unknown>;
		const parts = [b.message, b.title, b.detail, b.description, b.error]
			.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
			.map((v) => v.trim());
		text = [...new Set(parts)].join(': ');
	} else if (typeof body === 'number') {
		text = String(body);
	}
	return text ? redactSecrets(text, secrets) : undefined;
}

/** Finds the low-level error code (ECONNRESET, ECONNABORTED, …) wherever n8n or axios put it. */
export function networkCodeOf(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length) {
		const e = queue.shift();
		if (!e || typeof e !== 'object' || seen.has(e)) continue;
		seen.add(e);
		const o = e as Record<string, unknown>;
		if (typeof o.code === 'string' && /^E[A-Z_]+$/.test(o.code)) return o.code;
		queue.push(o.cause, o.errorResponse, o.error, o.reason);
	}
	return undefined;
}

/** Whether a failure without an answer was a client-side timeout. */
export function isTimeout(error: unknown, code: string | undefined): boolean {
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return true;
	const message = error instanceof Error ? error.message : '';
	return /timeout/i.test(message);
}
