import { NodeOperationError, updateDisplayOptions, type IDataObject } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { orderQuery } from '../../helpers/orderQuery';
import { statusIdsWithCredit } from '../../helpers/statuses';
import type { MijnwebwinkelRun } from '../node.type';
import { orderFilters } from './common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['count'] } },
	[orderFilters('count')],
);

/** One count call per chosen status (the API takes one status id per call), summed. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const node = run.ctx.getNode();
		const filters = run.ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, statusNames, includeCreditOrders } = orderQuery(node, filters, i);
		delete qs.debtor_email;

		const countOf = async (statusId?: number | string): Promise<number> => {
			const body = (await run.api.request(
				{
					method: 'GET',
					path: '/v1/orders/count',
					qs: statusId === undefined ? qs : { ...qs, status_id: statusId },
				},
				i,
			)) as IDataObject | undefined;
			const n = Number(body?.count);
			if (!Number.isInteger(n) || n < 0) {
				throw new NodeOperationError(node, 'Mijnwebwinkel sent no order count', {
					itemIndex: i,
					description:
						'Check the Base URL in the Mijnwebwinkel API credential: it must point at the Mijnwebwinkel API.',
				});
			}
			return n;
		};

		if (!statusNames.length) return [{ count: await countOf() }];

		const table = await run.api.orderStatuses(i);
		const ids = statusIdsWithCredit(node, table, statusNames, includeCreditOrders, i);
		const byStatus: IDataObject = {};
		let total = 0;
		for (const id of ids) {
			const n = await countOf(id);
			byStatus[table.find((s) => s.status === id)?.description ?? String(id)] = n;
			total += n;
		}
		return [{ count: total, byStatus }];
	});
}
