import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as createFromOrder from './createFromOrder.operation';
import * as del from './delete.operation';
import * as downloadPdf from './downloadPdf.operation';
import * as findByOrders from './findByOrders.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as reconcile from './reconcile.operation';
import * as registerPayment from './registerPayment.operation';

export {
	create,
	createFromOrder,
	del as delete,
	downloadPdf,
	findByOrders,
	get,
	getAll,
	reconcile,
	registerPayment,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an invoice',
				description: 'Create an invoice from lines you give',
			},
			{
				name: 'Create From Order',
				value: 'createFromOrder',
				action: 'Create an invoice from an order',
				description:
					'Book a shop order as a sales invoice, paid when the order is known paid and open otherwise: VAT mapping, no duplicates (an existing invoice for the order is adopted)',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete an invoice' },
			{ name: 'Download PDF', value: 'downloadPdf', action: 'Download an invoice PDF' },
			{
				name: 'Find By Orders',
				value: 'findByOrders',
				action: 'Find invoices for orders',
				description:
					'Add the existing invoice (or null) to every input order, with one request for all of them',
			},
			{ name: 'Get', value: 'get', action: 'Get an invoice' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many invoices' },
			{
				name: 'Reconcile With Order',
				value: 'reconcile',
				action: 'Reconcile invoices with their orders',
				description:
					'Read the invoices back and compare total, VAT per rate, paid state and customer with each order',
			},
			{
				name: 'Register Payment',
				value: 'registerPayment',
				action: 'Register a payment for an invoice',
			},
		],
		default: 'createFromOrder',
	},
	...create.description,
	...createFromOrder.description,
	...del.description,
	...downloadPdf.description,
	...findByOrders.description,
	...get.description,
	...getAll.description,
	...reconcile.description,
	...registerPayment.description,
];
