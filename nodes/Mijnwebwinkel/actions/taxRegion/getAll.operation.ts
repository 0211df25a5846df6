import type { INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { listIn } from '../../helpers/items';
import type { MijnwebwinkelRun } from '../node.type';

export const description: INodeProperties[] = [];

/** The spec says a bare array; the live API answers `{"regions": […]}`. Both are read. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const body = await run.api.request({ method: 'GET', path: '/v1/tax-policy/regions' }, i);
		return listIn(body, 'regions');
	});
}
