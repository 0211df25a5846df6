import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeProperties,
} from 'n8n-workflow';
import { readUntilStable } from '../../../../core/mijnwebwinkel/stable-read';
import { forEachItem } from '../../helpers/forEachItem';
import { compareOrderNumbers, orderKey } from '../../helpers/orderNumber';
import { emitOrders } from '../../helpers/orderOutput';
import { maxOf } from '../../helpers/parameters';
import { orderQuery } from '../../helpers/orderQuery';
import { statusIdsWithCredit } from '../../helpers/statuses';
import type { MijnwebwinkelRun } from '../node.type';
import { limitField, returnAllField } from '../common.descriptions';
import { orderFilters, outputFields } from './common.descriptions';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	orderFilters('getAll'),
	{
		displayName: 'Sort',
		name: 'ordering',
		type: 'options',
		options: [
			{ name: 'Order Number Ascending', value: 'asc' },
			{ name: 'Order Number Descending', value: 'desc' },
		],
		default: 'asc',
	},
	...outputFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getAll'] } },
	properties,
);

/** complete reads of the lists before the fetch gives up because they keep changing */
export const MAX_READ_PASSES = 4;

/**
 * The API filters on ONE status id per call, so each chosen status is queried on its own and the results
 * merged (by order number, sorted as asked).
 */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => await ordersOf(run, i));
}

async function ordersOf(run: MijnwebwinkelRun, i: number) {
	const ctx = run.ctx;
	const max = maxOf(run, i);
	const ordering =
		(ctx.getNodeParameter('ordering', i, 'asc') as string) === 'desc' ? 'desc' : 'asc';
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const { qs, statusNames, includeCreditOrders } = orderQuery(ctx.getNode(), filters, i);
	const after = typeof filters.afterOrderNumber === 'string' ? filters.afterOrderNumber.trim() : '';
	const accept =
		after === ''
			? undefined
			: (order: IDataObject) => compareOrderNumbers(orderKey(order), after) > 0;

	let statusIds: Array<number | string | undefined> = [undefined];
	if (statusNames.length) {
		const table = await run.api.orderStatuses(i);
		statusIds = statusIdsWithCredit(ctx.getNode(), table, statusNames, includeCreditOrders, i);
	}

	// one complete read of every chosen status list; an order found in two lists keeps its latest version
	const readPass = async (): Promise<Map<string, IDataObject>> => {
		const merged = new Map<string, IDataObject>();
		for (const statusId of statusIds) {
			const pageQs: IDataObject = { ...qs, ordering };
			if (statusId !== undefined) pageQs.status_id = statusId;
			const orders = await run.api.paged(
				{ path: '/v1/orders', qs: pageQs, max, keyOf: orderKey, accept },
				i,
			);
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
				ctx.getNode(),
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
	return await emitOrders(run, orders, i);
}
