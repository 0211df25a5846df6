/** Client → Get. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { getRecordById } from '../../helpers/recordById';
import { fetchClient } from '../../transport/clients';
import type { FactuursturenRun } from '../node.type';
import { clientNumberProperty } from './clientFields.descriptions';

const properties: INodeProperties[] = [clientNumberProperty];

const displayOptions = { show: { resource: ['client'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await getRecordById(run, 'clientnr', fetchClient);
}
