import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject } from '../items';
import type { Operation } from '../types';
import { emitOrders } from './output';

export function orderNumberParam(this: IExecuteFunctions, itemIndex: number): string {
	const value = String(this.getNodeParameter('orderNumber', itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'No order number given', {
			itemIndex,
			description:
				'Enter the order number as the shop shows it, e.g. 1042, or map it from the input with an expression.',
		});
	}
	return value;
}

export const getOrder: Operation = async function (c) {
	const number = orderNumberParam.call(this, c.itemIndex);
	const order = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path: `/v1/orders/${encodeURIComponent(number)}` },
		c.policy,
		c.itemIndex,
	);
	return await emitOrders.call(this, [asObject(order) as IDataObject], c);
};
