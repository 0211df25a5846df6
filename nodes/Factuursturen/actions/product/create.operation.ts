/** Product → Create. */
import {
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { productBodyOf } from '../../helpers/productBody';
import { postProduct } from '../../transport/products';
import type { FactuursturenRun } from '../node.type';
import { productFieldOptions } from './productFields.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 120.00',
		description: 'Price excluding VAT, decimal with a dot (max 3 decimals)',
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'taxes',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaxRates' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions.filter((o) => !['name', 'price', 'taxes'].includes(o.name)),
	},
];

const displayOptions = { show: { resource: ['product'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const fields = {
			...(run.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name: run.ctx.getNodeParameter('name', i),
			price: run.ctx.getNodeParameter('price', i),
			taxes: run.ctx.getNodeParameter('taxes', i),
		};
		const body = productBodyOf(run.ctx.getNode(), fields, i);
		return { id: await postProduct(run, body, i), ...normalizeRecord(body) };
	});
}
