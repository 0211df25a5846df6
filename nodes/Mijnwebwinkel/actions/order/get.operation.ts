import { updateDisplayOptions } from 'n8n-workflow';
import type { OperationRun } from '../../../common/operation';
import { forEachItem } from '../../../common/perItem';
import { asObject, itemLoop } from '../../helpers/items';
import { orderNumberParam } from '../../helpers/orderNumber';
import { emitOrders } from '../../helpers/orderOutput';
import type { MijnwebwinkelClient } from '../../transport/client';
import { orderNumberField, outputFields } from './common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	[orderNumberField, ...outputFields],
);

export async function execute(run: OperationRun<MijnwebwinkelClient>) {
	return await forEachItem(
		run,
		async (i) => {
			const number = orderNumberParam(run.ctx, i);
			const order = await run.api.request(
				{ method: 'GET', path: `/v1/orders/${encodeURIComponent(number)}` },
				i,
			);
			return await emitOrders(run, [asObject(order)], i);
		},
		itemLoop(run),
	);
}
