/** Client → Delete. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { deleteRecordById } from '../../helpers/recordById';
import { deleteClient } from '../../transport/clients';
import type { FactuursturenRun } from '../node.type';
import { clientNumberProperty } from './clientFields.descriptions';

const properties: INodeProperties[] = [clientNumberProperty];

const displayOptions = { show: { resource: ['client'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await deleteRecordById(run, 'clientnr', deleteClient, 'clientnr');
}
