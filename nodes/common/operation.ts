/**
 * The one operation contract of both nodes. An operation gets the whole batch of input items at once
 * (the bookkeeping operations need it for their bulk requests) and returns its output items, each paired
 * with the input item it came from. Per-item work goes through `forEachItem` (./perItem.ts).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

export interface OperationRun<Api> {
	ctx: IExecuteFunctions;
	/** the node's transport: how this node talks to its API */
	api: Api;
	items: INodeExecutionData[];
	resource: string;
	operation: string;
	/** this.continueOnFail(), read once per execution */
	continueOnFail: boolean;
}

export type OperationExecute<Api> = (run: OperationRun<Api>) => Promise<INodeExecutionData[]>;

/** what every `<op>.operation.ts` exports */
export interface OperationModule<Api> {
	description: INodeProperties[];
	execute: OperationExecute<Api>;
}
