/** Invoice → Download PDF. */
import {
	NodeOperationError,
	updateDisplayOptions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { idParameter } from '../../helpers/recordById';
import { downloadInvoicePdf } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { invoiceIdProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [
	invoiceIdProperty,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

const displayOptions = { show: { resource: ['invoice'], operation: ['downloadPdf'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const nr = idParameter(run, 'invoiceId', i);
		const property = String(run.ctx.getNodeParameter('binaryPropertyName', i)).trim() || 'data';
		const buffer = await downloadInvoicePdf(run, nr, i);
		if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-') {
			throw new NodeOperationError(
				run.ctx.getNode(),
				`Factuursturen did not return a PDF for invoice ${nr}`,
				{
					itemIndex: i,
					description:
						'Check that the invoice number exists and has been sent (drafts have no PDF).',
				},
			);
		}
		const binary = await run.ctx.helpers.prepareBinaryData(
			buffer,
			`factuur-${nr.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`,
			'application/pdf',
		);
		return {
			json: { invoicenr: nr, fileName: binary.fileName ?? null, fileSize: buffer.length },
			binary: { [property]: binary },
		};
	});
}
