import { SHOP_TIME_ZONE } from '../../../../core/time-zone';
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { isEmptyDate, shopDateTime } from '../../helpers/dates';
import { maxOf } from '../../helpers/parameters';
import type { MijnwebwinkelRun } from '../node.type';
import { limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Changed Since',
				name: 'changedSince',
				type: 'dateTime',
				default: '',
				description: `Articles changed at or after this moment (shop time, ${SHOP_TIME_ZONE})`,
			},
			{
				displayName: 'Changed Until',
				name: 'changedUntil',
				type: 'dateTime',
				default: '',
				description:
					'Articles changed at or before this moment; a date alone means the end of that day',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['article'], operation: ['getAll'] } },
	properties,
);

const articleKey = (a: IDataObject) => String(a.uuid ?? a.id ?? JSON.stringify(a));

export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const max = maxOf(run, i);
		const filters = run.ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		try {
			if (!isEmptyDate(filters.changedSince))
				qs.changed_start_date = shopDateTime(filters.changedSince, 'Changed Since', 'start');
			if (!isEmptyDate(filters.changedUntil))
				qs.changed_end_date = shopDateTime(filters.changedUntil, 'Changed Until', 'end');
		} catch (error) {
			// the date helpers throw only DateInputError
			throw new NodeOperationError(run.ctx.getNode(), (error as Error).message, {
				itemIndex: i,
				description: 'Pick the date in the date picker, or give ISO text like 2025-03-01T08:00:00.',
			});
		}
		return await run.api.paged({ path: '/v1/articles', qs, max, keyOf: articleKey }, i);
	});
}
