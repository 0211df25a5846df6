/** Client → Create. */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { clientBodyFromFields, fitClientLengths } from '../../helpers/clientPayload';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { postClient } from '../../transport/clients';
import type { FactuursturenRun } from '../node.type';
import { clientFieldOptions } from './clientFields.descriptions';
import { emailProperty } from '../../../common/email.descriptions';

const properties: INodeProperties[] = [
	emailProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: clientFieldOptions,
	},
];

const displayOptions = { show: { resource: ['client'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const email = String(run.ctx.getNodeParameter('email', i)).trim();
		const fields = run.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const { body, shortened } = fitClientLengths(clientBodyFromFields({ ...fields, email }));
		if (!body.contact && !body.company) {
			throw new NodeOperationError(
				run.ctx.getNode(),
				'A client needs a contact name or a company name',
				{
					itemIndex: i,
					description: 'Add Contact or Company under Additional Fields.',
				},
			);
		}
		const clientnr = await postClient(run, body, i);
		return {
			clientnr,
			...normalizeRecord(body),
			...(shortened.length ? { shortenedFields: shortened } : {}),
		};
	});
}
