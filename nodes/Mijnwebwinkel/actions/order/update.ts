import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { resolveStatusIds } from '../../helpers/statuses';
import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject } from '../items';
import type { Operation } from '../types';
import { orderNumberParam } from './get';
import { emitOrders } from './output';

/** PATCH with only the fields that were set; the status is given by name and resolved to its id now. */
export const updateOrder: Operation = async function (c) {
	const i = c.itemIndex;
	const number = orderNumberParam.call(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.status === 'string' && fields.status.trim()) {
		const table = await c.run.getStatuses(this, c.policy, i);
		[body.status] = resolveStatusIds.call(this, table, [fields.status], i);
	}
	if (typeof fields.archived === 'boolean') body.archived = fields.archived;
	if (typeof fields.internalComment === 'string')
		body.comments = { internal: fields.internalComment };
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), `Nothing to update on order ${number}`, {
			itemIndex: i,
			description: 'Add at least one of the Update Fields: Status, Archived or Internal Comment.',
		});
	}
	const path = `/v1/orders/${encodeURIComponent(number)}`;
	let order = await mijnwebwinkelRequest.call(this, { method: 'PATCH', path, body }, c.policy, i);
	// the spec answers the updated order; should an empty answer come, read the order back instead
	if (!order || typeof order !== 'object') {
		order = await mijnwebwinkelRequest.call(this, { method: 'GET', path }, c.policy, i);
	}
	return await emitOrders.call(this, [asObject(order)], c);
};
