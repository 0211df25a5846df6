/** Parameters several invoice operations share. */
import type { INodeProperties } from 'n8n-workflow';

/** Get, Delete, Download PDF, Register Payment: the invoice to act on. */
export const invoiceIdProperty: INodeProperties = {
	displayName: 'Invoice Number',
	name: 'invoiceId',
	type: 'string',
	required: true,
	default: '',
	description: 'The invoice number (invoicenr) or internal ID',
};

/** Create From Order, Find By Orders, Reconcile With Order: where the order is in the input item. */
export const orderProperty: INodeProperties = {
	displayName: 'Order Field',
	name: 'orderProperty',
	type: 'string',
	default: '',
	placeholder: 'e.g. order',
	description:
		'Where the order (as the Mijnwebwinkel node outputs it, Normalized) is in the input item: leave empty when the whole item is the order, or give a dot path such as "order"',
};
