/** A product body from node parameters: empty values left out, money as decimal text, the code's length checked. */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { decimalText } from './decimalText';

function productBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		body[key] = value;
	}
	if (body.price !== undefined) body.price = decimalText(body.price, 'Price');
	if (body.taxes !== undefined) body.taxes = decimalText(body.taxes, 'VAT rate');
	if (typeof body.code === 'string' && [...body.code].length > 20)
		throw new Error('Code: at most 20 characters');
	return body;
}

/** The body, or the item's error saying how to write the values. */
export function productBodyOf(node: INode, fields: IDataObject, itemIndex: number): IDataObject {
	try {
		return productBody(fields);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, {
			itemIndex,
			description:
				'Prices are decimals with a dot (e.g. 120.00, at most 3 decimals); the VAT rate must exist in the account.',
		});
	}
}
