import type { IDataObject } from 'n8n-workflow';
import { compareOrderNumbers, orderKey } from '../../helpers/order-number';
import { fetchPaged } from '../../helpers/paging';
import { resolveStatusIds } from '../../helpers/statuses';
import type { Operation } from '../types';
import { orderQuery } from './filters';
import { emitOrders } from './output';

/**
 * The API filters on ONE status id per call, so each chosen status is queried on its own and the results
 * merged (by order number, sorted as asked).
 */
export const getManyOrders: Operation = async function (c) {
	const i = c.itemIndex;
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const max = returnAll ? undefined : Math.max(1, Number(this.getNodeParameter('limit', i, 50)));
	const ordering = (this.getNodeParameter('ordering', i, 'asc') as string) === 'desc' ? 'desc' : 'asc';
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const { qs, statusNames, includeCreditOrders } = orderQuery.call(this, filters, i);
	const after = typeof filters.afterOrderNumber === 'string' ? filters.afterOrderNumber.trim() : '';
	const accept = after === '' ? undefined : (order: IDataObject) => compareOrderNumbers(orderKey(order), after) > 0;

	let statusIds: Array<number | string | undefined> = [undefined];
	if (statusNames.length) {
		const table = await c.run.getStatuses(this, c.policy, i);
		statusIds = resolveStatusIds.call(this, table, statusNames, i);
		// credit orders (returns) have statuses of their own, recognised by the flag, whatever their ids or names
		if (includeCreditOrders) {
			for (const s of table) if (s.credit_order && !statusIds.includes(s.status)) statusIds.push(s.status);
		}
	}

	const merged = new Map<string, IDataObject>();
	for (const statusId of statusIds) {
		const pageQs: IDataObject = { ...qs, ordering };
		if (statusId !== undefined) pageQs.status_id = statusId;
		const orders = await fetchPaged.call(this, {
			path: '/v1/orders',
			qs: pageQs,
			max,
			keyOf: orderKey,
			accept,
			policy: c.policy,
			itemIndex: i,
		});
		for (const order of orders) if (!merged.has(orderKey(order))) merged.set(orderKey(order), order);
	}
	const sign = ordering === 'desc' ? -1 : 1;
	let orders = [...merged.values()].sort((a, b) => sign * compareOrderNumbers(orderKey(a), orderKey(b)));
	if (max !== undefined) orders = orders.slice(0, max);
	return await emitOrders.call(this, orders, c);
};
