import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as article from './actions/article/Article.resource';
import { requestOptionsField } from './actions/common.descriptions';
import * as customer from './actions/customer/Customer.resource';
import * as order from './actions/order/Order.resource';
import * as orderStatus from './actions/orderStatus/OrderStatus.resource';
import * as paymentMethod from './actions/paymentMethod/PaymentMethod.resource';
import { router } from './actions/router';
import * as store from './actions/store/Store.resource';
import * as taxRegion from './actions/taxRegion/TaxRegion.resource';
import { getOrderStatuses } from './methods/loadOptions';

export class Mijnwebwinkel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mijnwebwinkel',
		name: 'mijnwebwinkel',
		icon: { light: 'file:mijnwebwinkel.svg', dark: 'file:mijnwebwinkel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read orders, customers, articles and payment methods of a Mijnwebwinkel (MyOnlineStore) shop, and update orders',
		defaults: { name: 'Mijnwebwinkel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mijnwebwinkelApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Article', value: 'article' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Order', value: 'order' },
					{ name: 'Order Status', value: 'orderStatus' },
					{ name: 'Payment Method', value: 'paymentMethod' },
					{ name: 'Store', value: 'store' },
					{ name: 'Tax Region', value: 'taxRegion' },
				],
				default: 'order',
			},
			...order.description,
			...orderStatus.description,
			...paymentMethod.description,
			...customer.description,
			...article.description,
			...store.description,
			...taxRegion.description,
			requestOptionsField,
		],
	};

	methods = { loadOptions: { getOrderStatuses } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
