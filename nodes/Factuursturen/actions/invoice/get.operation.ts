/** Invoice → Get. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { getRecordById } from '../../helpers/recordById';
import { fetchInvoice } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { invoiceIdProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [invoiceIdProperty];

const displayOptions = { show: { resource: ['invoice'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await getRecordById(run, 'invoiceId', fetchInvoice);
}
