/** Client → Get. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { fetchClient } from '../../transport/clients';
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

const displayOptions = { show: { resource: ['client'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) =>
		normalizeRecord(await fetchClient(run, String(run.ctx.getNodeParameter('clientnr', i)), i)),
	);
}
