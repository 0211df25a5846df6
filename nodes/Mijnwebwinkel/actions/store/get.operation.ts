import type { INodeProperties } from 'n8n-workflow';
import type { OperationRun } from '../../../common/operation';
import { forEachItem } from '../../../common/perItem';
import { asObject, itemLoop } from '../../helpers/items';
import type { MijnwebwinkelClient } from '../../transport/client';

export const description: INodeProperties[] = [];

export async function execute(run: OperationRun<MijnwebwinkelClient>) {
	return await forEachItem(
		run,
		async (i) => [asObject(await run.api.request({ method: 'GET', path: '/v1/store' }, i))],
		itemLoop(run),
	);
}
