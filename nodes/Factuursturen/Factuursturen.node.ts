import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as bookingRecord from './actions/bookingRecord/BookingRecord.resource';
import * as client from './actions/client/Client.resource';
import { requestOptions } from './actions/common.descriptions';
import * as invoice from './actions/invoice/Invoice.resource';
import * as lookup from './actions/lookup/Lookup.resource';
import * as product from './actions/product/Product.resource';
import { router } from './actions/router';
import {
	getCategories,
	getCountries,
	getOssRates,
	getProfiles,
	getTaxRates,
} from './methods/loadOptions';
import { FactuursturenClient } from './transport/client';

export class Factuursturen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Factuursturen',
		name: 'factuursturen',
		icon: { light: 'file:factuursturen.svg', dark: 'file:factuursturen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Book orders as sales invoices (paid or open) in Factuursturen.nl and manage clients, invoices and products',
		defaults: { name: 'Factuursturen' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Build Rows and Migration Progress only reshape items: they need no account
		credentials: [
			{
				name: 'factuursturenApi',
				required: true,
				displayOptions: { hide: { operation: ['buildRows', 'migrationProgress'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Booking Record', value: 'bookingRecord' },
					{ name: 'Category', value: 'category' },
					{ name: 'Client (Debtor)', value: 'client' },
					{ name: 'Country', value: 'country' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Product', value: 'product' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Tax Rate', value: 'taxRate' },
				],
				default: 'invoice',
			},
			...bookingRecord.description,
			...client.description,
			...invoice.description,
			...product.description,
			...lookup.description,
			requestOptions,
		],
	};

	methods = {
		loadOptions: { getTaxRates, getOssRates, getCategories, getProfiles, getCountries },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = this.getNodeParameter('requestOptions', 0, {}) as IDataObject;
		const api = new FactuursturenClient(this, {
			reserve: typeof options.rateLimitReserve === 'number' ? options.rateLimitReserve : undefined,
			pacing: options.pacing === 'spread' ? 'spread' : 'burst',
			windowMs:
				typeof options.rateLimitWindowSeconds === 'number'
					? options.rateLimitWindowSeconds * 1000
					: undefined,
			maxWaitMs:
				typeof options.maxWaitSeconds === 'number' ? options.maxWaitSeconds * 1000 : undefined,
			timeoutMs: typeof options.timeoutMs === 'number' ? options.timeoutMs : undefined,
		});
		const items = this.getInputData();
		return [await router({ ctx: this, api, items, continueOnFail: this.continueOnFail() })];
	}
}
