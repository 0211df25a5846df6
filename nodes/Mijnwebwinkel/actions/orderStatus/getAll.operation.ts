import type { INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import type { MijnwebwinkelRun } from '../node.type';

export const description: INodeProperties[] = [];

export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) =>
		(await run.api.orderStatuses(i)).map((s) => ({
			status: s.status,
			description: s.description,
			credit_order: s.credit_order ?? false,
		})),
	);
}
