import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { readUntilStable } from '../../../../core/mijnwebwinkel/stable-read';
import { compareOrderNumbers, orderKey } from '../../helpers/order-number';
import { fetchPaged } from '../../helpers/paging';
import { resolveStatusIds } from '../../helpers/statuses';
import type { Operation } from '../types';
import { orderQuery } from './filters';
import { emitOrders } from './output';

/** complete reads of the lists before the fetch gives up because they keep changing */
export const MAX_READ_PASSES = 4;

/**
 * The API filters on ONE status id per call, so each chosen status is queried on its own and the results
 * merged (by order number, sorted as asked).
 */
export const getManyOrders: Operation = async function (c) {
	const i = c.itemIndex;
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const max = returnAll ? undefined : Math.max(1, Number(this.getNodeParameter('limit', i, 50)));
	const ordering =
		(this.getNodeParameter('ordering', i, 'asc') as string) === 'desc' ? 'desc' : 'asc';
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const { qs, statusNames, includeCreditOrders } = orderQuery.call(this, filters, i);
	const after = typeof filters.afterOrderNumber === 'string' ? filters.afterOrderNumber.trim() : '';
	const accept =
		after === ''
			? undefined
			: (order: IDataObject) => compareOrderNumbers(orderKey(order), after) > 0;

	let statusIds: Array<number | string | undefined> = [undefined];
	if (statusNames.length) {
		const table = await c.run.getStatuses(this, c.policy, i);
		statusIds = resolveStatusIds.call(this, table, statusNames, i);
		// credit orders (returns) have statuses of their own, recognised by the flag, whatever their ids or names
		if (includeCreditOrders) {
			for (const s of table)
				if (s.credit_order && !statusIds.includes(s.status)) statusIds.push(s.status);
		}
	}

	// one complete read of every chosen status list; an order found in two lists keeps its latest version
	const readPass = async (): Promise<Map<string, IDataObject>> => {
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
			for (const order of orders) merged.set(orderKey(order), order);
		}
		return merged;
	};
	let merged: Map<string, IDataObject>;
	if (max !== undefined) merged = await readPass();
	else {
		// Return All: offset pages skip an order when another changes status during the read, so the read is
		// repeated until two passes agree (core/mijnwebwinkel/stable-read)
		const read = await readUntilStable(readPass, MAX_READ_PASSES);
		if (!read.stable) {
			throw new NodeOperationError(
				this.getNode(),
				`The orders kept changing while they were read (${read.passes} complete reads differed)`,
				{
					itemIndex: i,
					description:
						'Nothing was passed on, so no order is skipped unnoticed. Run again in a few minutes: the lookback catches up on every order of the period.',
				},
			);
		}
		merged = read.records;
	}
	const sign = ordering === 'desc' ? -1 : 1;
	let orders = [...merged.values()].sort(
		(a, b) => sign * compareOrderNumbers(orderKey(a), orderKey(b)),
	);
	if (max !== undefined) orders = orders.slice(0, max);
	return await emitOrders.call(this, orders, c);
};
