/**
 * This node's per-item loop: the shared one (nodes/common/perItem.ts), where an error that is no API failure is
 * bad input, and an error item names the order number its item was given, if any.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { forEachItem as sharedForEachItem, type ItemResult } from '../../common/perItem';
import type { MijnwebwinkelRun } from '../actions/node.type';

export async function forEachItem(
	run: MijnwebwinkelRun,
	handle: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	return await sharedForEachItem(run, handle, {
		fallbackCode: 'invalid_input',
		errorExtra: (itemIndex) => orderNumberOf(run, itemIndex),
	});
}

function orderNumberOf(run: MijnwebwinkelRun, itemIndex: number): IDataObject {
	let orderNumber: unknown;
	try {
		orderNumber = run.ctx.getNodeParameter('orderNumber', itemIndex, '');
	} catch {
		// an expression that cannot be evaluated: the error item simply has no order number
		return {};
	}
	return typeof orderNumber === 'string' && orderNumber.trim()
		? { orderNumber: orderNumber.trim() }
		: {};
}
