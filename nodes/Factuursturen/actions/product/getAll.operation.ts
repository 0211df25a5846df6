/** Product → Get Many. */
import {
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { listProducts } from '../../transport/products';
import { returnAllAndLimit } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';

const properties: INodeProperties[] = [...returnAllAndLimit];

const displayOptions = { show: { resource: ['product'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	let list: IDataObject[] | null = null;
	return await forEachItem(run, async (i) => {
		const returnAll = run.ctx.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (run.ctx.getNodeParameter('limit', i) as number);
		list ??= await listProducts(run, i);
		return list.slice(0, limit).map((p) => normalizeRecord(p));
	});
}
