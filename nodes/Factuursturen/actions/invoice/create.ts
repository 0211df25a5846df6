/** Invoice → Create: lines as given (fields or JSON). Money stays decimal text; it is validated, never floated. */
import { NodeOperationError, jsonParse, type IDataObject } from 'n8n-workflow';
import { formatScaled, parseScaled } from '../../../../core/money';
import { forEachItem, type RunContext } from '../../helpers/items';
import { createdInvoiceNumber } from '../../../../core/booking/created-id';

/** A decimal amount as text with at most 6 decimals ("16.53" stays "16.53"; 16.5 → "16.5"). */
export function decimalText(value: unknown, what: string): string {
	const micros = parseScaled(value, 6, what);
	return formatScaled(micros, 6)
		.replace(/(\.\d*?)0+$/, '$1')
		.replace(/\.$/, '');
}

function lineFrom(raw: IDataObject, index: number): IDataObject {
	const label = `line ${index + 1}`;
	const line: IDataObject = {};
	if (raw.description !== undefined) line.description = String(raw.description);
	const hasAmount = raw.price !== undefined && raw.price !== '';
	if (!hasAmount) {
		if (!line.description)
			throw new Error(`${label}: give a price (or only a description for a text line)`);
		return line; // a text-only line
	}
	line.amount =
		raw.amount === undefined || raw.amount === ''
			? 1
			: Number(decimalText(raw.amount, `${label} quantity`));
	line.price = decimalText(raw.price, `${label} price`);
	if (raw.tax_rate === undefined || raw.tax_rate === '')
		throw new Error(`${label}: choose a VAT rate`);
	line.tax_rate = decimalText(raw.tax_rate, `${label} VAT rate`);
	if (raw.discount_pct !== undefined && raw.discount_pct !== '' && Number(raw.discount_pct) !== 0) {
		line.discount_pct = decimalText(raw.discount_pct, `${label} discount`);
	}
	if (raw.amount_desc) line.amount_desc = String(raw.amount_desc);
	if (raw.tax_country === true || raw.tax_country === 'true') line.tax_country = true;
	return line;
}

export async function createInvoice(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const node = rc.ctx.getNode();
		const clientnr = String(rc.ctx.getNodeParameter('clientnr', i)).trim();
		const action = rc.ctx.getNodeParameter('invoiceAction', i) as string;
		const linesInput = rc.ctx.getNodeParameter('linesInput', i) as string;
		let rawLines: IDataObject[];
		if (linesInput === 'json') {
			const value = rc.ctx.getNodeParameter('linesJson', i);
			const parsed =
				typeof value === 'string'
					? jsonParse<unknown>(value, { errorMessage: 'Lines (JSON) is not valid JSON' })
					: value;
			if (!Array.isArray(parsed))
				throw new NodeOperationError(node, 'Lines (JSON) must be an array of lines', {
					itemIndex: i,
				});
			rawLines = parsed as IDataObject[];
		} else {
			rawLines =
				((rc.ctx.getNodeParameter('lines', i, {}) as IDataObject).line as IDataObject[]) ?? [];
		}
		let lines: IDataObject[];
		try {
			lines = rawLines.map((l, n) => lineFrom(l, n));
		} catch (error) {
			throw new NodeOperationError(node, (error as Error).message, {
				itemIndex: i,
				description:
					'Amounts are decimals with a dot, e.g. 16.53; the VAT rate must be one of the account (Tax Rate → Get Many).',
			});
		}
		if (!clientnr) throw new NodeOperationError(node, 'Client Number is empty', { itemIndex: i });
		if (lines.length === 0)
			throw new NodeOperationError(node, 'The invoice has no lines', {
				itemIndex: i,
				description: 'Add at least one line.',
			});

		const extra = rc.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { clientnr, action, lines };
		if (action === 'send') body.sendmethod = rc.ctx.getNodeParameter('sendmethod', i);
		else body.savename = String(rc.ctx.getNodeParameter('savename', i)).slice(0, 20);
		const reference = {
			line1: extra.referenceLine1 ?? '',
			line2: extra.referenceLine2 ?? '',
			line3: extra.referenceLine3 ?? '',
		};
		if (reference.line1 || reference.line2 || reference.line3) body.reference = reference;
		for (const key of [
			'profile',
			'category',
			'alreadypaidmethod',
			'paymentcondition',
			'discounttype',
		]) {
			if (extra[key] !== undefined && extra[key] !== '') body[key] = extra[key];
		}
		if (extra.paymentperiod !== undefined) body.paymentperiod = extra.paymentperiod;
		if (extra.alreadypaid !== undefined && extra.alreadypaid !== '') {
			body.alreadypaid =
				String(extra.alreadypaid).trim().toLowerCase() === 'full'
					? 'full'
					: decimalText(extra.alreadypaid, 'Already Paid');
		}
		if (extra.discount !== undefined && extra.discount !== '')
			body.discount = decimalText(extra.discount, 'Discount');

		const response = await rc.api.request({ method: 'POST', path: '/invoices', body }, i);
		// an answer that is not a number is not made into one (null: look the invoice up in Factuursturen)
		const id = createdInvoiceNumber(response.body);
		return {
			invoicenr: id,
			clientnr,
			action,
			lineCount: lines.length,
			reference: body.reference ?? null,
		};
	});
}
