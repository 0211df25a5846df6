/**
 * Order numbers come as strings or integers (and `T-…` for test orders); they are compared as numbers where
 * they are numbers, so "1000" sorts after "999".
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export const orderKey = (order: { number?: unknown }): string => String(order.number ?? '').trim();

const numericPart = (key: string): number | undefined => {
	const m = /^(?:T-)?(\d+)$/i.exec(key);
	return m ? Number(m[1]) : undefined;
};

export function compareOrderNumbers(a: string, b: string): number {
	const na = numericPart(a);
	const nb = numericPart(b);
	if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
	return a < b ? -1 : a > b ? 1 : 0;
}

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
