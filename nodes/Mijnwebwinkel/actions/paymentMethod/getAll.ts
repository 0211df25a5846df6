import { paymentMethodItems } from '../../helpers/payment-methods';
import { mijnwebwinkelRequest } from '../../transport/request';
import { toItems } from '../items';
import type { Operation } from '../types';

/** `me`: the store of the store token. The catalogue of all methods needs only the partner token. */
export const getManyPaymentMethods: Operation = async function (c) {
	const source = this.getNodeParameter('source', c.itemIndex, 'store') as string;
	const path = source === 'all' ? '/v1/payment/gateways' : '/v1/payment/stores/me/gateways';
	const body = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path },
		c.policy,
		c.itemIndex,
	);
	return toItems(paymentMethodItems(body), c.itemIndex);
};
