/** Client → Get Many. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { getManyFetchedOnce } from '../../helpers/getMany';
import { listClients } from '../../transport/clients';
import { returnAllAndLimit } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';

const properties: INodeProperties[] = [...returnAllAndLimit];

const displayOptions = { show: { resource: ['client'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await getManyFetchedOnce(run, async (_, i) => await listClients(run, i));
}
