import type { INodeProperties } from 'n8n-workflow';
import type { OperationRun } from '../../../common/operation';
import { forEachItem } from '../../../common/perItem';
import { itemLoop } from '../../helpers/items';
import type { MijnwebwinkelClient } from '../../transport/client';

export const description: INodeProperties[] = [];

export async function execute(run: OperationRun<MijnwebwinkelClient>) {
	return await forEachItem(
		run,
		async (i) =>
			(await run.api.orderStatuses(i)).map((s) => ({
				status: s.status,
				description: s.description,
				credit_order: s.credit_order ?? false,
			})),
		itemLoop(run),
	);
}
