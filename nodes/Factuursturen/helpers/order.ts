/** The canonical order of an input item (the Mijnwebwinkel node's Normalized output), validated. */
import type { ErrorCode } from '../../../core/error-codes';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { canonicalOrderSchema, type CanonicalOrder } from '../../../core/canonical-order';
import { atPath } from './itemPath';

export function orderOf(
	ctx: IExecuteFunctions,
	json: IDataObject,
	path: string,
	itemIndex: number,
): CanonicalOrder {
	const value = atPath(json, path);
	const parsed = canonicalOrderSchema.safeParse(value);
	if (!parsed.success) {
		const issues = parsed.error.issues
			.slice(0, 5)
			.map((x) => `${x.path.join('.') || '(order)'}: ${x.message}`)
			.join('; ');
		const where = path.trim() ? `field "${path}"` : 'the input item';
		const number = value && typeof value === 'object' ? (value as IDataObject).number : undefined;
		const error = new NodeOperationError(ctx.getNode(), `No valid order in ${where}: ${issues}`, {
			itemIndex,
			description:
				'Connect the Mijnwebwinkel node (Order → Get Many, Output: Normalized) before this node, or set "Order Field" to where the order is in the item.',
		});
		error.context.code = 'invalid_order' satisfies ErrorCode;
		if (typeof number === 'string') error.context.orderNumber = number;
		throw error;
	}
	return parsed.data;
}

/** The loose order number of an item, for error items, even when the order does not validate. */
export function looseOrderNumber(json: IDataObject, path: string): string | null {
	const value = atPath(json, path);
	const n = value && typeof value === 'object' ? (value as IDataObject).number : undefined;
	return typeof n === 'string' || typeof n === 'number' ? String(n) : null;
}
