/** Invoice → Create: lines as given (fields or JSON). Money stays decimal text; it is validated, never floated. */
import {
	NodeOperationError,
	jsonParse,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { decimalText } from '../../helpers/decimalText';
import { forEachItem } from '../../helpers/forEachItem';
import { idParameter } from '../../helpers/recordById';
import { postInvoice } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { sendMethodOptions } from '../common.descriptions';

const lineValues: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'amount', type: 'number', default: 1 },
	{
		displayName: 'Unit',
		name: 'amount_desc',
		type: 'string',
		default: '',
		placeholder: 'e.g. pcs',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		default: '',
		placeholder: 'e.g. 16.53',
		description:
			'Unit price as a decimal with a dot; excluding VAT for a client with prices excl. VAT (extax), including VAT for intax.',
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'tax_rate',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaxRates' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Discount (%)',
		name: 'discount_pct',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 100 },
	},
	{
		displayName: 'Use Destination-Country Rate (OSS)',
		name: 'tax_country',
		type: 'boolean',
		default: false,
		description: "Whether this line uses the VAT rate of the client's country",
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Client Number',
		name: 'clientnr',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Action',
		name: 'invoiceAction',
		type: 'options',
		options: [
			{ name: 'Send (Final Invoice)', value: 'send' },
			{ name: 'Save as Draft', value: 'save' },
		],
		default: 'send',
	},
	{
		displayName: 'Send Method',
		name: 'sendMethod',
		type: 'options',
		options: sendMethodOptions,
		default: 'mail',
		displayOptions: {
			show: { invoiceAction: ['send'] },
		},
	},
	{
		displayName: 'Draft Name',
		name: 'savename',
		type: 'string',
		default: '',
		required: true,
		displayOptions: {
			show: { invoiceAction: ['save'] },
		},
		description: 'Name of the saved invoice (max 20 characters)',
	},
	{
		displayName: 'Lines Input',
		name: 'linesInput',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
		default: 'fields',
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line',
		default: {},
		displayOptions: {
			show: { linesInput: ['fields'] },
		},
		options: [{ displayName: 'Line', name: 'line', values: lineValues }],
	},
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[\n  {"amount": 1, "description": "Item", "tax_rate": 21, "price": "10.00"}\n]',
		displayOptions: {
			show: { linesInput: ['json'] },
		},
		description:
			'Array of lines with amount, description, tax_rate, price (decimal text, e.g. "16.53"), optional amount_desc, discount_pct, tax_country',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Already Paid',
				name: 'alreadypaid',
				type: 'string',
				default: '',
				placeholder: 'full',
				description: '"full" to mark the whole invoice paid, or an amount such as "25.00"',
			},
			{
				displayName: 'Already Paid Method',
				name: 'alreadypaidmethod',
				type: 'string',
				default: '',
				placeholder: 'e.g. iDEAL',
			},
			{
				displayName: 'Category Name or ID',
				name: 'category',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCategories' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Discount',
				name: 'discount',
				type: 'string',
				default: '',
				description: 'Invoice-level discount: a percentage or an amount, see Discount Type',
			},
			{
				displayName: 'Discount Type',
				name: 'discounttype',
				type: 'options',
				options: [
					{ name: 'Amount', value: 'amount' },
					{ name: 'Percentage', value: 'percentage' },
				],
				default: 'percentage',
			},
			{ displayName: 'Payment Condition', name: 'paymentcondition', type: 'string', default: '' },
			{
				displayName: 'Payment Period (Days)',
				name: 'paymentperiod',
				type: 'number',
				default: 14,
				typeOptions: { minValue: 0 },
			},
			{
				displayName: 'Profile Name or ID',
				name: 'profile',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getProfiles' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{ displayName: 'Reference Line 1', name: 'referenceLine1', type: 'string', default: '' },
			{ displayName: 'Reference Line 2', name: 'referenceLine2', type: 'string', default: '' },
			{ displayName: 'Reference Line 3', name: 'referenceLine3', type: 'string', default: '' },
		],
	},
];

const displayOptions = { show: { resource: ['invoice'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

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

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const node = run.ctx.getNode();
		const clientnr = idParameter(run, 'clientnr', i);
		const action = run.ctx.getNodeParameter('invoiceAction', i) as string;
		const linesInput = run.ctx.getNodeParameter('linesInput', i) as string;
		let rawLines: IDataObject[];
		if (linesInput === 'json') {
			const value = run.ctx.getNodeParameter('linesJson', i);
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
				((run.ctx.getNodeParameter('lines', i, {}) as IDataObject).line as IDataObject[]) ?? [];
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

		const extra = run.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { clientnr, action, lines };
		if (action === 'send') body.sendmethod = run.ctx.getNodeParameter('sendMethod', i);
		else body.savename = String(run.ctx.getNodeParameter('savename', i)).slice(0, 20);
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

		return {
			invoicenr: await postInvoice(run, body, i),
			clientnr,
			action,
			lineCount: lines.length,
			reference: body.reference ?? null,
		};
	});
}
