import type { IDataObject } from 'n8n-workflow';
import type { OperationRun } from '../../common/operation';
import type { ItemLoopOptions } from '../../common/perItem';
import type { MijnwebwinkelClient } from '../transport/client';

export const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as string };

/**
 * How this node's per-item loop makes its error items: an error that is no API failure is bad input, and the
 * item names the order number it was given, if any.
 */
export function itemLoop(run: OperationRun<MijnwebwinkelClient>): ItemLoopOptions {
	return {
		fallbackCode: 'invalid_input',
		errorExtra: (itemIndex) => {
			let orderNumber: unknown;
			try {
				orderNumber = run.ctx.getNodeParameter('orderNumber', itemIndex, '');
			} catch {
				// an expression that cannot be evaluated: the error item simply has no order number
				return {};
			}
			return typeof orderNumber === 'string' && orderNumber.trim()
				? { orderNumber: orderNumber.trim() }
				: {};
		},
	};
}
