/** Invoice → Register Payment: POST /invoices_payment/{invoicenr} {date, amount ('full' or decimal), method}. */
import { NodeOperationError } from 'n8n-workflow';
import { dateParam, forEachItem, todayAmsterdam, type RunContext } from '../../helpers/items';
import { segment } from '../../transport/client';
import { decimalText } from './create';

export async function registerPayment(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const nr = String(rc.ctx.getNodeParameter('invoiceId', i)).trim();
		const amountParam = String(rc.ctx.getNodeParameter('amount', i) ?? '').trim();
		let date: string;
		let amount: string;
		try {
			date = dateParam(rc.ctx.getNodeParameter('date', i, '')) || todayAmsterdam();
			amount =
				amountParam === '' || amountParam.toLowerCase() === 'full'
					? 'full'
					: decimalText(amountParam, 'Amount');
		} catch (error) {
			throw new NodeOperationError(rc.ctx.getNode(), (error as Error).message, {
				itemIndex: i,
				description:
					'Amount is "full" or a decimal with a dot such as 25.00; the date is YYYY-MM-DD.',
			});
		}
		const method = String(rc.ctx.getNodeParameter('method', i, '') ?? '').trim();
		const body = { date, amount, ...(method ? { method } : {}) };
		await rc.api.request(
			{
				method: 'POST',
				path: `/invoices_payment/${segment(nr)}`,
				body,
				hint: `Invoice ${nr} does not exist in Factuursturen.`,
			},
			i,
		);
		return { invoicenr: nr, paymentRegistered: true, ...body };
	});
}
