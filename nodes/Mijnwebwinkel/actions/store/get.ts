import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject, toItems } from '../items';
import type { Operation } from '../types';

export const getStore: Operation = async function (c) {
	const store = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path: '/v1/store' },
		c.policy,
		c.itemIndex,
	);
	return toItems([asObject(store)], c.itemIndex);
};
