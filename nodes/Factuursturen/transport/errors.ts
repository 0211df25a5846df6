/**
 * Turns Factuursturen answers into errors that say what to do. Bodies of error answers are plain text
 * (sometimes JSON); they are quoted shortened, never with request options (those hold the credentials).
 */
import { SHOP_TIME_ZONE } from '../../../core/time-zone';
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import type { ErrorCode } from '../../../core/error-codes';
import { WAITING_FOR_BUDGET_CODE, type RateLimitInfo } from './rateLimit';

/** A failure the caller may treat as "the request may or may not have been executed": network error or 5xx. */
export class TransientApiError extends NodeApiError {
	readonly transient = true;

	/** the client gave up waiting: the server may still be working on the request */
	timedOut = false;

	/** the connection was never opened (refused, unknown host): the request certainly did not reach the server */
	notSent = false;
}

export function isTransient(error: unknown): error is TransientApiError {
	return error instanceof TransientApiError;
}

export function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body.trim().slice(0, 500);
	if (Buffer.isBuffer(body)) return body.toString('utf8').trim().slice(0, 500);
	if (typeof body === 'object') {
		const o = body as Record<string, unknown>;
		if (typeof o.message === 'string') return o.message;
		if (typeof o.error === 'string') return o.error;
	}
	return JSON.stringify(body).slice(0, 500);
}

/** Local time of the renewal, as the user reads it in the Netherlands. */
export function renewalText(info: RateLimitInfo): string {
	const d = new Date(info.renewsAt);
	const local = d.toLocaleTimeString('nl-NL', {
		timeZone: SHOP_TIME_ZONE,
		hour: '2-digit',
		minute: '2-digit',
	});
	return `${local} (${SHOP_TIME_ZONE}, ${info.renewsAt})`;
}

/**
 * The budget is spent until a renewal too far away to wait for inside the node: the item is not sent and is left
 * for later (code `waiting_for_budget`, not a failure). `status` is the API's refusal, or null when the node knew
 * the budget was spent and sent nothing.
 */
export function rateLimitError(
	node: INode,
	status: number | null,
	info: RateLimitInfo,
	itemIndex?: number,
): NodeApiError {
	const http = status === null ? '' : ` (HTTP ${status})`;
	const error = new NodeApiError(
		node,
		{
			message: 'rate limit',
			...(status === null ? {} : { httpCode: String(status) }),
		} as JsonObject,
		{
			...(status === null ? {} : { httpCode: String(status) }),
			itemIndex,
			message: `Factuursturen API budget for this hour is spent${http}; it renews at ${renewalText(info)}. Not sent: waiting for budget`,
			description: `Nothing failed: this item was not sent. Run again after ${renewalText(info)} (the daily run picks it up by itself): items already done are found and adopted, not created twice. To fit more in one run, put a Wait node of {{ $json.rateLimit.suggestedWaitSeconds }} seconds between steps, or raise Max Wait in Node.`,
		},
	);
	error.context.code = WAITING_FOR_BUDGET_CODE satisfies ErrorCode;
	return error;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Factuursturen refused the data. The message above names the field; correct it in the node parameters or in the source data and run again.',
	401: 'Check the Factuursturen credentials: the username, and an API key created under Instellingen > Verbindingen with "Maak API sleutel" that is set to Active.',
	403: 'The API key has no access to this. Check under Instellingen > Verbindingen that the key is Active.',
	404: 'Nothing with this number exists in Factuursturen. Check the number (client number, invoice number or id).',
	409: 'Factuursturen reports a conflict. Check the data in Factuursturen and run again.',
	422: 'Factuursturen refused the data. The message above names the problem; correct it and run again.',
};

export function statusError(
	node: INode,
	status: number,
	body: unknown,
	what: string,
	itemIndex?: number,
	hint?: string,
): NodeApiError {
	const text = bodyText(body);
	const Cls = status >= 500 ? TransientApiError : NodeApiError;
	return new Cls(
		node,
		{ message: text || `HTTP ${status}`, httpCode: String(status) } as JsonObject,
		{
			httpCode: String(status),
			itemIndex,
			message: `Factuursturen answered HTTP ${status} to ${what}${text ? `: ${text}` : ''}`,
			description:
				hint ??
				STATUS_HINTS[status] ??
				(status >= 500
					? 'Factuursturen had a server problem. Run again later; invoices already created are adopted, not duplicated.'
					: 'See the message above; correct the input and run again.'),
		},
	);
}

export function networkError(
	node: INode,
	error: unknown,
	what: string,
	itemIndex?: number,
): TransientApiError {
	const e = error as {
		message?: string;
		code?: string;
		cause?: { code?: string; message?: string };
	};
	const code = e?.cause?.code ?? e?.code ?? '';
	const reason = [code, e?.cause?.message ?? e?.message].filter(Boolean).join(': ');
	// The reason goes in the description: n8n replaces a message that contains a code like ECONNRESET.
	const result = new TransientApiError(node, { message: 'network error' } as JsonObject, {
		itemIndex,
		message: `No answer from Factuursturen to ${what}`,
		description: `${reason ? `Reason: ${reason}. ` : ''}The connection failed or timed out. Check the Base URL in the credentials and the network, then run again; invoices that were created anyway are adopted on the next run, not duplicated.`,
	});
	result.timedOut = /ECONNABORTED|ETIMEDOUT|timeout/i.test(reason);
	result.notSent = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(code);
	result.context.code = (
		result.timedOut
			? 'timeout'
			: /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(code)
				? 'unreachable'
				: 'connection_lost'
	) satisfies ErrorCode;
	return result;
}
