/**
 * This node's per-item loop: the shared one (nodes/common/perItem.ts) with the current rate-limit state on every
 * output and error item, so a workflow can pace itself (a Wait node on rateLimit.suggestedWaitSeconds).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { forEachItem as sharedForEachItem, type ItemResult } from '../../common/perItem';
import type { FactuursturenRun } from '../actions/node.type';

export async function forEachItem(
	run: FactuursturenRun,
	handle: (itemIndex: number) => Promise<ItemResult>,
	errorExtra: (itemIndex: number) => IDataObject = () => ({}),
): Promise<INodeExecutionData[]> {
	return await sharedForEachItem(run, handle, {
		decorate: (json) => ({ ...json, rateLimit: run.api.rateLimit() as unknown as IDataObject }),
		errorExtra,
	});
}
