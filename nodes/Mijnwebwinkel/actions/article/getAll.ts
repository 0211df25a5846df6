import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { isEmptyDate, shopDateTime } from '../../helpers/dates';
import { fetchPaged } from '../../helpers/paging';
import { toItems } from '../items';
import type { Operation } from '../types';

const articleKey = (a: IDataObject) => String(a.uuid ?? a.id ?? JSON.stringify(a));

export const getManyArticles: Operation = async function (c) {
	const i = c.itemIndex;
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const max = returnAll ? undefined : Math.max(1, Number(this.getNodeParameter('limit', i, 50)));
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	try {
		if (!isEmptyDate(filters.changedSince))
			qs.changed_start_date = shopDateTime(filters.changedSince, 'Changed Since', 'start');
		if (!isEmptyDate(filters.changedUntil))
			qs.changed_end_date = shopDateTime(filters.changedUntil, 'Changed Until', 'end');
	} catch (error) {
		// the date helpers throw only DateInputError
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex: i,
			description: 'Pick the date in the date picker, or give ISO text like 2025-03-01T08:00:00.',
		});
	}
	const articles = await fetchPaged.call(this, {
		path: '/v1/articles',
		qs,
		max,
		keyOf: articleKey,
		policy: c.policy,
		itemIndex: i,
	});
	return toItems(articles, i);
};
