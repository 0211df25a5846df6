/** resource → operation → implementation. */
import type { INodeExecutionData } from 'n8n-workflow';
import type { RunContext } from '../helpers/items';
import { buildRows } from './bookingRecord/buildRows';
import { migrationProgress, planMigrationSlice } from './bookingRecord/migration';
import { deleteClient, getClient, getManyClients, searchClientsByEmailOp } from './client/read';
import { createClient, updateClient } from './client/write';
import { getOrCreateByEmail } from './client/getOrCreateByEmail';
import { createInvoice } from './invoice/create';
import { createFromOrder } from './invoice/createFromOrder';
import { findByOrders } from './invoice/findByOrders';
import { deleteInvoice, downloadInvoicePdf, getInvoice, getManyInvoices } from './invoice/read';
import { reconcileWithOrder } from './invoice/reconcile';
import { registerPayment } from './invoice/registerPayment';
import {
	createProduct,
	deleteProduct,
	getManyProducts,
	getProduct,
	updateProduct,
} from './product/product';
import { getManyLookup } from './lookup/getMany';

type Operation = (rc: RunContext) => Promise<INodeExecutionData[]>;

export const operations: Record<string, Record<string, Operation>> = {
	bookingRecord: { buildRows, planMigrationSlice, migrationProgress },
	client: {
		create: createClient,
		delete: deleteClient,
		get: getClient,
		getAll: getManyClients,
		getOrCreateByEmail,
		searchByEmail: searchClientsByEmailOp,
		update: updateClient,
	},
	invoice: {
		create: createInvoice,
		createFromOrder,
		delete: deleteInvoice,
		downloadPdf: downloadInvoicePdf,
		findByOrders,
		get: getInvoice,
		getAll: getManyInvoices,
		reconcile: reconcileWithOrder,
		registerPayment,
	},
	product: {
		create: createProduct,
		delete: deleteProduct,
		get: getProduct,
		getAll: getManyProducts,
		update: updateProduct,
	},
	taxRate: { getAll: getManyLookup },
	category: { getAll: getManyLookup },
	country: { getAll: getManyLookup },
	profile: { getAll: getManyLookup },
};
