/** Invoice → Get. */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { fetchInvoice } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { invoiceIdProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [invoiceIdProperty];

const displayOptions = { show: { resource: ['invoice'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) =>
		normalizeRecord(await fetchInvoice(run, String(run.ctx.getNodeParameter('invoiceId', i)), i)),
	);
}
