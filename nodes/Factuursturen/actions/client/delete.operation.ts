/** Client → Delete. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { deleteClient } from '../../transport/clients';
import type { FactuursturenRun } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Client Number',
		name: 'clientnr',
		type: 'string',
		required: true,
		default: '',
		description: 'The Factuursturen client number (clientnr)',
	},
];

const displayOptions = { show: { resource: ['client'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const nr = String(run.ctx.getNodeParameter('clientnr', i)).trim();
		await deleteClient(run, nr, i);
		return { deleted: true, clientnr: nr };
	});
}
