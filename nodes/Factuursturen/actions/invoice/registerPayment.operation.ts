/** Invoice → Register Payment: POST /invoices_payment/{invoicenr} {date, amount ('full' or decimal), method}. */
import {
	NodeOperationError,
	updateDisplayOptions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { SHOP_TIME_ZONE, shopToday } from '../../../../core/time-zone';
import { dateParam } from '../../helpers/dateParameter';
import { decimalText } from '../../helpers/decimalText';
import { forEachItem } from '../../helpers/forEachItem';
import { idParameter } from '../../helpers/recordById';
import { postPayment } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { invoiceIdProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [
	invoiceIdProperty,
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: 'full',
		description: '"full" for the whole outstanding amount, or an amount such as "25.00"',
	},
	{
		displayName: 'Payment Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		description: `Empty = today (${SHOP_TIME_ZONE})`,
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		default: '',
		placeholder: 'e.g. iDEAL',
	},
];

const displayOptions = { show: { resource: ['invoice'], operation: ['registerPayment'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const nr = idParameter(run, 'invoiceId', i);
		const amountParam = String(run.ctx.getNodeParameter('amount', i) ?? '').trim();
		let date: string;
		let amount: string;
		try {
			date = dateParam(run.ctx.getNodeParameter('date', i, '')) || shopToday();
			amount =
				amountParam === '' || amountParam.toLowerCase() === 'full'
					? 'full'
					: decimalText(amountParam, 'Amount');
		} catch (error) {
			throw new NodeOperationError(run.ctx.getNode(), (error as Error).message, {
				itemIndex: i,
				description:
					'Amount is "full" or a decimal with a dot such as 25.00; the date is YYYY-MM-DD.',
			});
		}
		const method = String(run.ctx.getNodeParameter('method', i, '') ?? '').trim();
		const body = { date, amount, ...(method ? { method } : {}) };
		await postPayment(run, nr, body, i);
		return { invoicenr: nr, paymentRegistered: true, ...body };
	});
}
