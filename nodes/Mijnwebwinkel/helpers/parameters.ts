/** Parameters several operations read the same way. */
import { NodeOperationError } from 'n8n-workflow';
import type { MijnwebwinkelRun } from '../actions/node.type';

/** How many records a Get Many item asks for: its Limit (at least 1), or undefined for Return All. */
export function maxOf(run: MijnwebwinkelRun, itemIndex: number): number | undefined {
	const returnAll = run.ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll
		? undefined
		: Math.max(1, Number(run.ctx.getNodeParameter('limit', itemIndex, 50)));
}

/** A text parameter the operation cannot do without: trimmed, and an item error saying what to enter if empty. */
export function requiredText(
	run: MijnwebwinkelRun,
	name: string,
	itemIndex: number,
	missing: { message: string; description: string },
): string {
	const value = String(run.ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(run.ctx.getNode(), missing.message, {
			itemIndex,
			description: missing.description,
		});
	}
	return value;
}
