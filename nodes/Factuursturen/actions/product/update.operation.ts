/** Product → Update: the changes applied to the current record (PUT takes the whole product). */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { productBodyOf } from '../../helpers/productBody';
import { idParameter } from '../../helpers/recordById';
import { fetchProduct, putProduct } from '../../transport/products';
import type { FactuursturenRun } from '../node.type';
import { productFieldOptions, productIdProperty } from './productFields.descriptions';

const properties: INodeProperties[] = [
	productIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions,
	},
];

const displayOptions = { show: { resource: ['product'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const id = idParameter(run, 'productId', i);
		const updates = productBodyOf(
			run.ctx.getNode(),
			run.ctx.getNodeParameter('updateFields', i, {}) as IDataObject,
			i,
		);
		if (Object.keys(updates).length === 0) {
			throw new NodeOperationError(run.ctx.getNode(), 'No fields to update', {
				itemIndex: i,
				description: 'Add at least one field under Update Fields.',
			});
		}
		const current = await fetchProduct(run, id, i);
		const body: IDataObject = { ...current, ...updates };
		delete body.id;
		await putProduct(run, id, body, i);
		return { id, ...normalizeRecord(body) };
	});
}
