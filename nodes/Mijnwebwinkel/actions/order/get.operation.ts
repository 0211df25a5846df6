import { updateDisplayOptions } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { asObject } from '../../helpers/items';
import { orderNumberParam } from '../../helpers/orderNumber';
import { emitOrders } from '../../helpers/orderOutput';
import type { MijnwebwinkelRun } from '../node.type';
import { orderNumberField, outputFields } from './common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	[orderNumberField, ...outputFields],
);

export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const number = orderNumberParam(run.ctx, i);
		const order = await run.api.request(
			{ method: 'GET', path: `/v1/orders/${encodeURIComponent(number)}` },
			i,
		);
		return await emitOrders(run, [asObject(order)], i);
	});
}
