/**
 * The per-item loop of both nodes: `handle` runs for every input item in order; a failure of one item does
 * not stop the others when Continue on Fail is on (it becomes an error item), otherwise it is thrown with its
 * item index. Every output item is paired with its input item.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { ErrorCode } from '../../core/error-codes';
import { detailsOf, errorItemJson, toNodeError } from './errorItem';
import type { OperationRun } from './operation';

/** one output JSON, several, or one with binary data */
export type ItemResult =
	| IDataObject
	| IDataObject[]
	| { json: IDataObject; binary?: INodeExecutionData['binary'] };

export interface ItemLoopOptions {
	/** adds what every item of this node carries (e.g. the rate-limit state) to an output or error JSON */
	decorate?: (json: IDataObject) => IDataObject;
	/** facts of the input item an error item should name (e.g. its order number) */
	errorExtra?: (itemIndex: number) => IDataObject;
	/** the code of an error with no code of its own */
	fallbackCode?: ErrorCode;
}

function isJsonWithBinary(
	result: ItemResult,
): result is { json: IDataObject; binary?: INodeExecutionData['binary'] } {
	return (
		!Array.isArray(result) &&
		'json' in result &&
		typeof result.json === 'object' &&
		result.json !== null &&
		!Array.isArray(result.json)
	);
}

export async function forEachItem<Api>(
	run: OperationRun<Api>,
	handle: (itemIndex: number) => Promise<ItemResult>,
	options: ItemLoopOptions = {},
): Promise<INodeExecutionData[]> {
	const decorate = options.decorate ?? ((json: IDataObject) => json);
	const out: INodeExecutionData[] = [];
	const push = (json: IDataObject, i: number, binary?: INodeExecutionData['binary']) => {
		const item: INodeExecutionData = { json: decorate(json), pairedItem: { item: i } };
		if (binary) item.binary = binary;
		out.push(item);
	};
	for (let i = 0; i < run.items.length; i++) {
		try {
			const result = await handle(i);
			if (Array.isArray(result)) for (const json of result) push(json, i);
			else if (isJsonWithBinary(result)) push(result.json, i, result.binary);
			else push(result, i);
		} catch (error) {
			const nodeError = toNodeError(run.ctx.getNode(), error, i);
			if (!run.continueOnFail) throw nodeError;
			const own = detailsOf(nodeError, options.fallbackCode);
			const details = {
				orderNumber: null as IDataObject[string],
				...own,
				resource: run.resource,
				operation: run.operation,
				...(options.errorExtra?.(i) ?? {}),
			};
			// the order number the error itself names wins over the one read from the input item
			if (own.orderNumber) details.orderNumber = own.orderNumber;
			out.push({
				json: errorItemJson(nodeError.message, decorate(details) as typeof own),
				pairedItem: { item: i },
			});
		}
	}
	return out;
}
