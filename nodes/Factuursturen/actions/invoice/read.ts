/** Invoice → Get, Get Many, Delete, Download PDF, and the list/read helpers the bulk operations share. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { asArray, normalizeRecord } from '../../helpers/normalize';
import { dateParam, forEachItem, type RunContext } from '../../helpers/items';
import { segment } from '../../transport/client';
import { readList } from '../../helpers/booking';

/** GET /invoices/{id or invoicenr} → the invoice (unwrapped from {"invoice": …}). */
export async function fetchInvoice(
	rc: RunContext,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	const nr = id.trim();
	if (nr === '') {
		throw new NodeOperationError(rc.ctx.getNode(), 'Invoice Number is empty', {
			itemIndex,
			description: 'Give the invoice number (invoicenr) or id.',
		});
	}
	const body = await rc.api.get(`/invoices/${segment(nr)}`, undefined, itemIndex, {
		hint: `Invoice ${nr} does not exist in Factuursturen. Check the number under Facturen.`,
	});
	const invoice =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject).invoice
			: undefined;
	if (!invoice || typeof invoice !== 'object' || Array.isArray(invoice)) {
		throw new NodeOperationError(rc.ctx.getNode(), `Invoice ${nr} was not found in Factuursturen`, {
			itemIndex,
			description: 'Check the invoice number under Facturen.',
		});
	}
	return invoice as IDataObject;
}

/**
 * GET /invoices?since=…: every invoice sent on or after `since`, page by page (`count=-1` is not trusted to
 * mean "all"). Throws when an answer is not a list: an unreadable list is never "no invoices".
 */
export async function listInvoicesSince(
	rc: RunContext,
	since: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await readList(
		rc,
		'/invoices',
		{ since },
		(inv) => String(inv.id ?? inv.invoicenr ?? ''),
		'invoice list',
		itemIndex,
	);
}

export async function getInvoice(rc: RunContext) {
	return await forEachItem(rc, async (i) =>
		normalizeRecord(await fetchInvoice(rc, String(rc.ctx.getNodeParameter('invoiceId', i)), i)),
	);
}

export async function getManyInvoices(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const returnAll = rc.ctx.getNodeParameter('returnAll', i) as boolean;
		const filters = rc.ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			count: returnAll ? -1 : (rc.ctx.getNodeParameter('limit', i) as number),
			start: 0,
		};
		try {
			if (filters.since) qs.since = dateParam(filters.since);
			if (filters.until) qs.until = dateParam(filters.until);
		} catch (error) {
			throw new NodeOperationError(rc.ctx.getNode(), (error as Error).message, {
				itemIndex: i,
				description: 'Use a date such as 2024-05-01.',
			});
		}
		if (filters.filter) qs.filter = filters.filter;
		if (String(filters.client ?? '').trim()) qs.client = String(filters.client).trim();
		return asArray(await rc.api.get('/invoices', qs, i)).map((inv) => normalizeRecord(inv));
	});
}

export async function deleteInvoice(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const nr = String(rc.ctx.getNodeParameter('invoiceId', i)).trim();
		await rc.api.request(
			{
				method: 'DELETE',
				path: `/invoices/${segment(nr)}`,
				hint: `Invoice ${nr} does not exist in Factuursturen.`,
			},
			i,
		);
		return { deleted: true, invoicenr: nr };
	});
}

export async function downloadInvoicePdf(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const nr = String(rc.ctx.getNodeParameter('invoiceId', i)).trim();
		const property = String(rc.ctx.getNodeParameter('binaryPropertyName', i)).trim() || 'data';
		const response = await rc.api.request(
			{
				method: 'GET',
				path: `/invoices_pdf/${segment(nr)}`,
				binary: true,
				hint: `Invoice ${nr} does not exist in Factuursturen.`,
			},
			i,
		);
		const raw = response.body;
		const buffer = Buffer.isBuffer(raw)
			? raw
			: raw instanceof ArrayBuffer
				? Buffer.from(raw)
				: Buffer.from(String(raw ?? ''), 'binary');
		if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-') {
			throw new NodeOperationError(
				rc.ctx.getNode(),
				`Factuursturen did not return a PDF for invoice ${nr}`,
				{
					itemIndex: i,
					description:
						'Check that the invoice number exists and has been sent (drafts have no PDF).',
				},
			);
		}
		const binary = await rc.ctx.helpers.prepareBinaryData(
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
