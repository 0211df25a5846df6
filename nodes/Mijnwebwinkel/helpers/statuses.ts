/**
 * Order statuses are chosen BY NAME in the workflow and turned into ids at run time from the shop's status
 * table (transport/statuses.ts), read fresh on every execution.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';
import type { OrderStatus } from '../transport/statuses';

const norm = (name: string) => name.trim().toLowerCase();

/**
 * Names → ids. A value that is no name but one of the table's ids is taken as that id (the dropdowns offer
 * "or specify an ID"); anything else is an error that lists the names that are.
 */
export function resolveStatusIds(
	node: INode,
	table: readonly OrderStatus[],
	names: readonly string[],
	itemIndex: number,
): Array<number | string> {
	const ids: Array<number | string> = [];
	for (const name of names) {
		const match =
			table.find((s) => norm(s.description) === norm(name)) ??
			table.find((s) => String(s.status) === name.trim());
		if (!match) {
			throw new NodeOperationError(node, `Order status "${name}" does not exist in this shop`, {
				itemIndex,
				description: `The shop's statuses are: ${table.map((s) => s.description).join(', ')}. Pick the statuses again from the list. Status names follow the Language of the Mijnwebwinkel API credential.`,
			});
		}
		if (!ids.includes(match.status)) ids.push(match.status);
	}
	return ids;
}

/** The chosen statuses' ids, plus, when asked, every status the shop flags as a credit-order status (returns). */
export function statusIdsWithCredit(
	node: INode,
	table: readonly OrderStatus[],
	names: readonly string[],
	includeCreditOrders: boolean,
	itemIndex: number,
): Array<number | string> {
	const ids = resolveStatusIds(node, table, names, itemIndex);
	// credit orders have statuses of their own, recognised by the flag, whatever their ids or names
	if (includeCreditOrders)
		for (const s of table) if (s.credit_order && !ids.includes(s.status)) ids.push(s.status);
	return ids;
}
