import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { RunState } from '../helpers/statuses';
import type { RequestPolicy } from '../transport/request';

/** What every operation gets for one input item. */
export interface OperationContext {
	itemIndex: number;
	policy: RequestPolicy;
	run: RunState;
	continueOnFail: boolean;
}

/** Returns the output items for one input item, each already paired with it. */
export type Operation = (
	this: IExecuteFunctions,
	c: OperationContext,
) => Promise<INodeExecutionData[]>;
