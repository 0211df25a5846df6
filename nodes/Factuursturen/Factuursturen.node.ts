import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operations } from './actions/router';
import { bookingRecordFields, bookingRecordOperations } from './descriptions/bookingRecord';
import { clientFields, clientOperations } from './descriptions/client';
import { requestOptions } from './descriptions/common';
import { invoiceFields, invoiceOperations } from './descriptions/invoice';
import { countryLanguage, lookupProperties } from './descriptions/lookups';
import { productFields, productOperations } from './descriptions/product';
import { resourceProperty } from './descriptions/resource';
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
			resourceProperty,
			bookingRecordOperations,
			clientOperations,
			invoiceOperations,
			productOperations,
			...lookupProperties,
			...clientFields,
			...invoiceFields,
			...productFields,
			...bookingRecordFields,
			countryLanguage,
			requestOptions,
		],
	};

	methods = {
		loadOptions: { getTaxRates, getOssRates, getCategories, getProfiles, getCountries },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = operations[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" is not known for resource "${resource}"`,
			);
		}
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
		// Each operation handles its items itself (continueOnFail per item, pairedItem on every output):
		// the integration operations need the whole batch for their single bulk requests.
		const items = this.getInputData();
		const continueOnFail = this.continueOnFail();
		return [await run({ ctx: this, api, items, resource, operation, continueOnFail })];
	}
}
