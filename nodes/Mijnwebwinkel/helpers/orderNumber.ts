/** The Order Number parameter; the order of order numbers is core's (core/mijnwebwinkel/order-number.ts). */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export { compareOrderNumbers, orderKey } from '../../../core/mijnwebwinkel/order-number';

/** The Order Number parameter of item `itemIndex`, trimmed; an error that says what to enter when empty. */
export function orderNumberParam(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = String(ctx.getNodeParameter('orderNumber', itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), 'No order number given', {
			itemIndex,
			description:
				'Enter the order number as the shop shows it, e.g. 1042, or map it from the input with an expression.',
		});
	}
	return value;
}
