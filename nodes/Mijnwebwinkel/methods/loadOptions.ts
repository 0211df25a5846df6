import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { fetchStatuses } from '../transport/statuses';

/**
 * The shop's order statuses for the dropdowns. The option VALUE is the status NAME: the workflow stores
 * names, and the node resolves them to ids on every run (ids are not published and may differ per shop).
 */
export async function getOrderStatuses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const table = await fetchStatuses.call(this);
	return table
		.filter((s) => s.description.trim() !== '')
		.map((s) => ({
			name: s.description,
			value: s.description,
			description: s.credit_order ? 'A credit-order status' : undefined,
		}));
}
