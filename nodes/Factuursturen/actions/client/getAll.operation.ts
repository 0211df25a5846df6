/** Client → Get Many. */
import {
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { listClients } from '../../transport/clients';
import { returnAllAndLimit } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';

const properties: INodeProperties[] = [...returnAllAndLimit];

const displayOptions = { show: { resource: ['client'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	let list: IDataObject[] | null = null;
	return await forEachItem(run, async (i) => {
		const returnAll = run.ctx.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (run.ctx.getNodeParameter('limit', i) as number);
		// The list does not depend on the item: fetched once per execution.
		list ??= await listClients(run, i);
		return list.slice(0, limit).map((c) => normalizeRecord(c));
	});
}
