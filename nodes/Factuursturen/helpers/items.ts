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
import {
	detailsOf,
	errorItemJson as sharedErrorItemJson,
	toNodeError as sharedToNodeError,
} from '../../shared/errorItem';
import { forEachItem as sharedForEachItem, type ItemResult } from '../../shared/perItem';
import { shopDate } from '../../../core/time-zone';
import type { FactuursturenClient } from '../transport/client';

export type { ItemResult };

export interface RunContext {
	ctx: IExecuteFunctions;
	api: FactuursturenClient;
	items: INodeExecutionData[];
	resource: string;
	operation: string;
	/** this.continueOnFail(), read once in execute() */
	continueOnFail: boolean;
}

/** The JSON of an error item, with the node's rate-limit state, as `forEachItem` writes it. */
export function errorItemJson(
	rc: RunContext,
	error: NodeApiError | NodeOperationError,
	extra: IDataObject = {},
): IDataObject {
	const own = detailsOf(error);
	const details = {
		orderNumber: null as IDataObject[string],
		...own,
		resource: rc.resource,
		operation: rc.operation,
		...extra,
		rateLimit: rc.api.rateLimit() as unknown as IDataObject,
	};
	if (own.orderNumber) details.orderNumber = own.orderNumber;
	return sharedErrorItemJson(error.message, details as typeof own);
}

/** Adds `rateLimit` and `pairedItem`. */
export function outputItem(
	rc: RunContext,
	json: IDataObject,
	itemIndex: number,
): INodeExecutionData {
	return { json: withRateLimit(rc, json), pairedItem: { item: itemIndex } };
}

const withRateLimit = (rc: RunContext, json: IDataObject): IDataObject => ({
	...json,
	rateLimit: rc.api.rateLimit() as unknown as IDataObject,
});

/** The shared per-item loop (nodes/shared/perItem.ts), with this node's rate-limit state on every item. */
export async function forEachItem(
	rc: RunContext,
	handle: (itemIndex: number) => Promise<ItemResult>,
	errorExtra: (itemIndex: number) => IDataObject = () => ({}),
): Promise<INodeExecutionData[]> {
	return sharedForEachItem(rc, handle, {
		decorate: (json) => withRateLimit(rc, json),
		errorExtra,
	});
}

/** n8n's error for item `itemIndex`. */
export const toNodeError = (rc: RunContext, error: unknown, itemIndex: number) =>
	sharedToNodeError(rc.ctx.getNode(), error, itemIndex);

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

/** Today's date in the shop's time zone as YYYY-MM-DD. */
export const todayAmsterdam = shopDate;

/** A date parameter (n8n dateTime "2024-05-01T00:00:00" or "2024-05-01") as YYYY-MM-DD, or '' when empty. */
export function dateParam(value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') return '';
	const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (!m) throw new Error(`"${text}" is not a date; use YYYY-MM-DD`);
	return m[1];
}
