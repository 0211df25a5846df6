/**
 * Errors of one item, for both nodes: anything thrown becomes a NodeApiError or NodeOperationError with the
 * item index and a hint, and, with Continue on Fail or the error output, an error item that can be acted on
 * without opening the execution.
 *
 * The error item's shape is dictated by n8n 2.41 (n8n-core `workflow-execute.js`): with "On Error: Continue
 * (using error output)" an item moves to the error output only when its JSON has no keys besides `error`,
 * `message` and `details`, and an item carrying an `error` object of its own has its JSON replaced by
 * `{error: message}`. So every fact (code, hint, order number) lives under `details`, `error` is a string,
 * and n8n merges the input item's JSON in, so the order travels along.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { httpErrorCode, isErrorCode, type ErrorCode } from '../../core/error-codes';
import { OrderRefusal } from '../../core/errors';

export type NodeError = NodeApiError | NodeOperationError;

/** Turns anything thrown while handling item `itemIndex` into an n8n error carrying the index and a hint. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof OrderRefusal) {
		const e = new NodeOperationError(node, error.message, { itemIndex, description: error.hint });
		e.context.code = error.code;
		e.context.refused = true;
		e.context.orderNumber = error.orderNumber;
		e.context.details = error.details as IDataObject;
		return e;
	}
	if (error instanceof Error) return new NodeOperationError(node, error, { itemIndex });
	return new NodeOperationError(node, String(error), { itemIndex });
}

/**
 * The catalogue code (core/error-codes.ts) of a node error: its own, else the one its API answer carries,
 * else one read from its HTTP status; `fallback` for an error with none of these.
 */
export function errorCodeOf(error: NodeError, fallback: ErrorCode = 'unexpected_error'): ErrorCode {
	const own = error.context?.code;
	if (isErrorCode(own)) return own;
	const answered = (error as { errorResponse?: IDataObject }).errorResponse?.code;
	if (isErrorCode(answered)) return answered;
	if (error instanceof NodeApiError && error.httpCode && /^\d+$/.test(error.httpCode))
		return httpErrorCode(Number(error.httpCode));
	return error instanceof NodeApiError ? 'api_error' : fallback;
}

export interface ErrorDetails extends IDataObject {
	/** stable, for filters, from the catalogue (core/error-codes.ts) */
	code: ErrorCode;
	/** what to do about it */
	hint: string | null;
}

/** The JSON of an error item: `error` and `message` for n8n, every fact under `details`. */
export function errorItemJson(message: string, details: ErrorDetails): IDataObject {
	return { error: message, message, details };
}

/** The details n8n's own error carries: code, hint, order number, refused, the API's HTTP status. */
export function detailsOf(error: NodeError, fallback?: ErrorCode): ErrorDetails {
	const ctx = error.context ?? {};
	const details: ErrorDetails = {
		code: errorCodeOf(error, fallback),
		hint: error.description ?? null,
		// a refusal of the order itself (its data or the mapping), not a failure of the API or the network
		refused: ctx.refused === true,
		...((ctx.details as IDataObject) ?? {}),
	};
	if (typeof ctx.orderNumber === 'string') details.orderNumber = ctx.orderNumber;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return details;
}
