import type { INodeProperties } from 'n8n-workflow';
import type { OperationRun } from '../../../common/operation';
import { forEachItem } from '../../../common/perItem';
import { asObject, itemLoop } from '../../helpers/items';
import type { MijnwebwinkelClient } from '../../transport/client';

export const description: INodeProperties[] = [];

/** The spec says a bare array; the live API answers `{"regions": […]}`. Both are read. */
export async function execute(run: OperationRun<MijnwebwinkelClient>) {
	return await forEachItem(
		run,
		async (i) => {
			const body = await run.api.request({ method: 'GET', path: '/v1/tax-policy/regions' }, i);
			const list = Array.isArray(body) ? body : asObject(body).regions;
			return (Array.isArray(list) ? list : []).map(asObject);
		},
		itemLoop(run),
	);
}
