import { isErrorCode } from '../../core/error-codes';
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { policyFor } from './actions/policy';
import { operations } from './actions/router';
import { properties } from './descriptions';
import { errorItemJson, type ErrorDetails } from './helpers/error-item';
import { RunState } from './helpers/statuses';
import { getOrderStatuses } from './methods/loadOptions';

export class Mijnwebwinkel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mijnwebwinkel',
		name: 'mijnwebwinkel',
		icon: { light: 'file:mijnwebwinkel.svg', dark: 'file:mijnwebwinkel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read orders, customers, articles and payment methods of a Mijnwebwinkel (MyOnlineStore) shop, and update orders',
		defaults: { name: 'Mijnwebwinkel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mijnwebwinkelApi', required: true }],
		properties,
	};

	methods = { loadOptions: { getOrderStatuses } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const run = new RunState();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				const operationFn = operations[resource]?.[operation];
				if (!operationFn) {
					throw new NodeOperationError(
						this.getNode(),
						`The operation "${operation}" of "${resource}" is not supported`,
						{
							itemIndex: i,
							description: 'Choose a resource and an operation from the lists.',
						},
					);
				}
				const policy = policyFor.call(this, i);
				out.push(
					...(await operationFn.call(this, {
						itemIndex: i,
						policy,
						run,
						continueOnFail: this.continueOnFail(),
					})),
				);
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
				if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = i;
				if (this.continueOnFail()) {
					out.push({ json: errorJson.call(this, nodeError, i), pairedItem: { item: i } });
					continue;
				}
				throw nodeError;
			}
		}
		return [out];
	}
}

/** What failed and what to do, nothing else (no request data, no tokens). */
function errorJson(
	this: IExecuteFunctions,
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): IDataObject {
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	const details: ErrorDetails = {
		code: isErrorCode(response?.code)
			? response.code
			: error instanceof NodeApiError
				? 'api_error'
				: 'invalid_input',
		hint: error.description ?? '',
	};
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	let orderNumber: unknown;
	try {
		orderNumber = this.getNodeParameter('orderNumber', itemIndex, '');
	} catch {
		// an expression that cannot be evaluated: the error item simply has no order number
		orderNumber = undefined;
	}
	if (typeof orderNumber === 'string' && orderNumber.trim())
		details.orderNumber = orderNumber.trim();
	return errorItemJson(error.message, details);
}
