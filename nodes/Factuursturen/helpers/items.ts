/**
 * The per-item frame every operation uses: errors become NodeApiError/NodeOperationError with the item
 * index, or — with "Continue on Fail" / the error output — a self-contained error item (message, hint,
 * code, order number). Every output item gets `pairedItem` and the current `rateLimit`.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { httpErrorCode, isErrorCode, type ErrorCode } from '../../../core/error-codes';
import { OrderRefusal } from '../../../core/errors';
import type { FactuursturenClient } from '../transport/client';

export interface RunContext {
	ctx: IExecuteFunctions;
	api: FactuursturenClient;
	items: INodeExecutionData[];
	resource: string;
	operation: string;
	/** this.continueOnFail(), read once in execute() */
	continueOnFail: boolean;
}

/** Turns anything thrown while handling item `i` into an n8n error carrying the item index and a hint. */
export function toNodeError(
	rc: RunContext,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const node = rc.ctx.getNode();
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
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/** the catalogue code (core/error-codes.ts) of a node error: its own, else one read from its HTTP status */
export function errorCodeOf(error: NodeApiError | NodeOperationError): ErrorCode {
	const own = error.context?.code;
	if (isErrorCode(own)) return own;
	if (error instanceof NodeApiError && error.httpCode && /^\d+$/.test(error.httpCode))
		return httpErrorCode(Number(error.httpCode));
	return error instanceof NodeApiError ? 'api_error' : 'unexpected_error';
}

/**
 * The JSON of an error item: everything needed to act on it without opening the execution. Its shape is
 * dictated by n8n 2.41 (n8n-core `workflow-execute.js`, handleNodeErrorOutput): with "On Error: Continue
 * (using error output)" an item moves to the error output only when its JSON has no keys besides `error`,
 * `message` and `details` — so all facts (code, hint, order number, rate limit) live under `details`.
 * n8n then merges the input item's JSON in, so the order travels along.
 */
export function errorItemJson(
	rc: RunContext,
	error: NodeApiError | NodeOperationError,
	extra: IDataObject = {},
): IDataObject {
	const ctx = error.context ?? {};
	const details: IDataObject = {
		code: errorCodeOf(error),
		hint: error.description ?? null,
		orderNumber: (ctx.orderNumber as string) ?? extra.orderNumber ?? null,
		// a refusal of the order itself (its data or the mapping), not a failure of the API or the network
		refused: ctx.refused === true,
		resource: rc.resource,
		operation: rc.operation,
		...((ctx.details as IDataObject) ?? {}),
		...extra,
		rateLimit: rc.api.rateLimit() as unknown as IDataObject,
	};
	return { error: error.message, message: error.message, details };
}

/** Adds `rateLimit` and `pairedItem`. */
export function outputItem(
	rc: RunContext,
	json: IDataObject,
	itemIndex: number,
	binary?: INodeExecutionData['binary'],
): INodeExecutionData {
	const item: INodeExecutionData = {
		json: { ...json, rateLimit: rc.api.rateLimit() as unknown as IDataObject },
		pairedItem: { item: itemIndex },
	};
	if (binary) item.binary = binary;
	return item;
}

export type ItemResult =
	| IDataObject
	| IDataObject[]
	| { json: IDataObject; binary?: INodeExecutionData['binary'] };

/**
 * Runs `handle` for every input item (in order). A failure of one item does not stop the others when
 * Continue on Fail is on; otherwise it is thrown with its item index.
 */
export async function forEachItem(
	rc: RunContext,
	handle: (itemIndex: number) => Promise<ItemResult>,
	errorExtra: (itemIndex: number) => IDataObject = () => ({}),
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < rc.items.length; i++) {
		try {
			const result = await handle(i);
			if (Array.isArray(result)) for (const json of result) out.push(outputItem(rc, json, i));
			else if (
				'json' in result &&
				typeof result.json === 'object' &&
				result.json !== null &&
				!Array.isArray(result.json)
			) {
				out.push(
					outputItem(
						rc,
						result.json as IDataObject,
						i,
						result.binary as INodeExecutionData['binary'],
					),
				);
			} else out.push(outputItem(rc, result as IDataObject, i));
		} catch (error) {
			const nodeError = toNodeError(rc, error, i);
			if (!rc.continueOnFail) throw nodeError;
			out.push({ json: errorItemJson(rc, nodeError, errorExtra(i)), pairedItem: { item: i } });
		}
	}
	return out;
}

/** Reads a dot path ("order", "debtor.client") from an item's JSON; '' = the whole JSON. */
export function atPath(json: IDataObject, path: string): unknown {
	const p = path.trim();
	if (p === '') return json;
	return p
		.split('.')
		.reduce<unknown>(
			(acc, key) => (acc && typeof acc === 'object' ? (acc as IDataObject)[key] : undefined),
			json,
		);
}

/** Today's date in Europe/Amsterdam as YYYY-MM-DD. */
export function todayAmsterdam(now: Date = new Date()): string {
	return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** A date parameter (n8n dateTime "2024-05-01T00:00:00" or "2024-05-01") as YYYY-MM-DD, or '' when empty. */
export function dateParam(value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') return '';
	const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (!m) throw new Error(`"${text}" is not a date; use YYYY-MM-DD`);
	return m[1];
}
