/**
 * Get Many: how many records an item asks for (Return All or Limit), and the Get Many of a list that does not
 * depend on the item, so it is fetched once per execution (once per key where a parameter picks the list).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { FactuursturenRun } from '../actions/node.type';
import { forEachItem } from './forEachItem';
import { normalizeRecord } from './normalize';

/** The item's Limit, or undefined for Return All. */
export function limitOf(run: FactuursturenRun, itemIndex: number): number | undefined {
	const returnAll = run.ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	return returnAll ? undefined : (run.ctx.getNodeParameter('limit', itemIndex) as number);
}

/** Each item gets the first Limit records of the list (all with Return All), normalized. */
export async function getManyFetchedOnce(
	run: FactuursturenRun,
	fetch: (key: string, itemIndex: number) => Promise<IDataObject[]>,
	keyOf: (itemIndex: number) => string = () => '',
): Promise<INodeExecutionData[]> {
	const lists = new Map<string, IDataObject[]>();
	return await forEachItem(run, async (i) => {
		const limit = limitOf(run, i);
		const key = keyOf(i);
		let list = lists.get(key);
		if (list === undefined) {
			list = await fetch(key, i);
			lists.set(key, list);
		}
		return list.slice(0, limit).map((r) => normalizeRecord(r));
	});
}
