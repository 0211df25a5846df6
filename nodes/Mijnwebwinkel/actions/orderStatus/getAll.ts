import { toItems } from '../items';
import type { Operation } from '../types';

export const getManyOrderStatuses: Operation = async function (c) {
	const table = await c.run.getStatuses(this, c.policy, c.itemIndex);
	return toItems(
		table.map((s) => ({
			status: s.status,
			description: s.description,
			credit_order: s.credit_order ?? false,
		})),
		c.itemIndex,
	);
};
