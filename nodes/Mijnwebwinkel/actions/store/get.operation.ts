import type { INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { asObject } from '../../helpers/items';
import type { MijnwebwinkelRun } from '../node.type';

export const description: INodeProperties[] = [];

export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => [
		asObject(await run.api.request({ method: 'GET', path: '/v1/store' }, i)),
	]);
}
