import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject, toItems } from '../items';
import type { Operation } from '../types';

/** The spec says a bare array; the live API answers `{"regions": […]}`. Both are read. */
export const getManyTaxRegions: Operation = async function (c) {
	const body = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path: '/v1/tax-policy/regions' },
		c.policy,
		c.itemIndex,
	);
	const list = Array.isArray(body) ? body : asObject(body).regions;
	return toItems((Array.isArray(list) ? list : []).map(asObject), c.itemIndex);
};
