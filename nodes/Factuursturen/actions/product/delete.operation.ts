/** Product → Delete. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { deleteRecordById } from '../../helpers/recordById';
import { deleteProduct } from '../../transport/products';
import type { FactuursturenRun } from '../node.type';
import { productIdProperty } from './productFields.descriptions';

const properties: INodeProperties[] = [productIdProperty];

const displayOptions = { show: { resource: ['product'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await deleteRecordById(run, 'productId', deleteProduct, 'id');
}
