/** Product → Get. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { getRecordById } from '../../helpers/recordById';
import { fetchProduct } from '../../transport/products';
import type { FactuursturenRun } from '../node.type';
import { productIdProperty } from './productFields.descriptions';

const properties: INodeProperties[] = [productIdProperty];

const displayOptions = { show: { resource: ['product'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await getRecordById(run, 'productId', fetchProduct);
}
