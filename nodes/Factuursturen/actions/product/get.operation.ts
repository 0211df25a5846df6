/** Product → Get. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { fetchProduct } from '../../transport/products';
import type { FactuursturenRun } from '../node.type';
import { productIdProperty } from './productFields.descriptions';

const properties: INodeProperties[] = [productIdProperty];

const displayOptions = { show: { resource: ['product'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) =>
		normalizeRecord(
			await fetchProduct(run, String(run.ctx.getNodeParameter('productId', i)).trim(), i),
		),
	);
}
