import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { asObject } from '../../helpers/items';
import { orderNumberParam } from '../../helpers/orderNumber';
import { emitOrders } from '../../helpers/orderOutput';
import { resolveStatusIds } from '../../helpers/statuses';
import type { MijnwebwinkelRun } from '../node.type';
import { orderNumberField, outputFields, STATUS_LIST_HINT } from './common.descriptions';

const properties: INodeProperties[] = [
	orderNumberField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: false,
				description: 'Whether the order is archived',
			},
			{
				displayName: 'Internal Comment',
				name: 'internalComment',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					"The shop owner's note on the order (customers do not see it); replaces the current one",
			},
			{
				displayName: 'Status Name or ID',
				name: 'status',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
				default: '',
				description: `The new status. ${STATUS_LIST_HINT}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			},
		],
	},
	...outputFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['update'] } },
	properties,
);

/** PATCH with only the fields that were set; the status is given by name and resolved to its id now. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const number = orderNumberParam(run.ctx, i);
		const fields = run.ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (typeof fields.status === 'string' && fields.status.trim()) {
			const table = await run.api.orderStatuses(i);
			[body.status] = resolveStatusIds(run.ctx.getNode(), table, [fields.status], i);
		}
		if (typeof fields.archived === 'boolean') body.archived = fields.archived;
		if (typeof fields.internalComment === 'string')
			body.comments = { internal: fields.internalComment };
		if (!Object.keys(body).length) {
			throw new NodeOperationError(run.ctx.getNode(), `Nothing to update on order ${number}`, {
				itemIndex: i,
				description: 'Add at least one of the Update Fields: Status, Archived or Internal Comment.',
			});
		}
		const path = `/v1/orders/${encodeURIComponent(number)}`;
		let order = await run.api.request({ method: 'PATCH', path, body }, i);
		// the spec answers the updated order; should an empty answer come, read the order back instead
		if (!order || typeof order !== 'object') {
			order = await run.api.request({ method: 'GET', path }, i);
		}
		return await emitOrders(run, [asObject(order)], i);
	});
}
