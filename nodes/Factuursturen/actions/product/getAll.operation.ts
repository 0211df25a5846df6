/** Product → Get Many. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { getManyFetchedOnce } from '../../helpers/getMany';
import { listProducts } from '../../transport/products';
import { returnAllAndLimit } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';

const properties: INodeProperties[] = [...returnAllAndLimit];

const displayOptions = { show: { resource: ['product'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await getManyFetchedOnce(run, async (_, i) => await listProducts(run, i));
}
