import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { resolveStatusIds } from '../../helpers/statuses';
import { mijnwebwinkelRequest } from '../../transport/request';
import type { Operation } from '../types';
import { orderQuery } from './filters';

/** One count call per chosen status (the API takes one status id per call), summed. */
export const countOrders: Operation = async function (c) {
	const i = c.itemIndex;
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const { qs, statusNames, includeCreditOrders } = orderQuery.call(this, filters, i);
	delete qs.debtor_email;

	const countOf = async (statusId?: number | string): Promise<number> => {
		const body = (await mijnwebwinkelRequest.call(
			this,
			{
				method: 'GET',
				path: '/v1/orders/count',
				qs: statusId === undefined ? qs : { ...qs, status_id: statusId },
			},
			c.policy,
			i,
		)) as IDataObject | undefined;
		const n = Number(body?.count);
		if (!Number.isInteger(n) || n < 0) {
			throw new NodeOperationError(this.getNode(), 'Mijnwebwinkel sent no order count', {
				itemIndex: i,
				description:
					'Check the Base URL in the Mijnwebwinkel API credential: it must point at the Mijnwebwinkel API.',
			});
		}
		return n;
	};

	if (!statusNames.length) return [{ json: { count: await countOf() }, pairedItem: { item: i } }];

	const table = await c.run.getStatuses(this, c.policy, i);
	const ids = resolveStatusIds.call(this, table, statusNames, i);
	// returns: every credit-order status, found by the flag (as Get Many does)
	if (includeCreditOrders)
		for (const s of table) if (s.credit_order && !ids.includes(s.status)) ids.push(s.status);
	const byStatus: IDataObject = {};
	let total = 0;
	for (const id of ids) {
		const n = await countOf(id);
		byStatus[table.find((s) => s.status === id)?.description ?? String(id)] = n;
		total += n;
	}
	return [{ json: { count: total, byStatus }, pairedItem: { item: i } }];
};
