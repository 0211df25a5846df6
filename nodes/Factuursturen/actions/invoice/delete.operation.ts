/** Invoice → Delete. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { deleteRecordById } from '../../helpers/recordById';
import { deleteInvoice } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { invoiceIdProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [invoiceIdProperty];

const displayOptions = { show: { resource: ['invoice'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await deleteRecordById(run, 'invoiceId', deleteInvoice, 'invoicenr');
}
