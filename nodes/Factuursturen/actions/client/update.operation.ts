/** Client → Update. */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import {
	clientBodyFromFields,
	clientBodyFromRecord,
	fitClientLengths,
} from '../../helpers/clientPayload';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { idParameter } from '../../helpers/recordById';
import { fetchClient, putClient } from '../../transport/clients';
import type { FactuursturenRun } from '../node.type';
import { clientFieldOptions, clientNumberProperty } from './clientFields.descriptions';

const properties: INodeProperties[] = [
	clientNumberProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...clientFieldOptions,
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true },
		],
	},
];

const displayOptions = { show: { resource: ['client'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const nr = idParameter(run, 'clientnr', i);
		const updates = clientBodyFromFields(
			run.ctx.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		if (Object.keys(updates).length === 0) {
			throw new NodeOperationError(run.ctx.getNode(), 'No fields to update', {
				itemIndex: i,
				description: 'Add at least one field under Update Fields.',
			});
		}
		// PUT needs every required field, so the update is applied to the current record.
		const current = await fetchClient(run, nr, i);
		const { body, shortened } = fitClientLengths({ ...clientBodyFromRecord(current), ...updates });
		await putClient(run, nr, body, i);
		return {
			clientnr: nr,
			...normalizeRecord(body),
			...(shortened.length ? { shortenedFields: shortened } : {}),
		};
	});
}
