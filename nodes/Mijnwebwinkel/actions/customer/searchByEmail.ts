import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject, toItems } from '../items';
import type { Operation } from '../types';

const norm = (email: unknown) =>
	String(email ?? '')
		.trim()
		.toLowerCase();

/** `GET /v1/customers?q=` is a text search answering `{"customers": […]}`; one item per customer found. */
export const searchCustomersByEmail: Operation = async function (c) {
	const email = String(this.getNodeParameter('email', c.itemIndex, '') ?? '').trim();
	if (!email) {
		throw new NodeOperationError(this.getNode(), 'No e-mail address given', {
			itemIndex: c.itemIndex,
			description:
				'Enter the e-mail address to search for, or map it from the input with an expression.',
		});
	}
	const exact = this.getNodeParameter('exactMatch', c.itemIndex, true) as boolean;
	const body = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path: '/v1/customers', qs: { q: email, embed: 'address' } },
		c.policy,
		c.itemIndex,
	);
	const list = Array.isArray(body) ? body : asObject(body).customers;
	let customers = (Array.isArray(list) ? list : []).map(asObject) as IDataObject[];
	if (exact) customers = customers.filter((x) => norm(x.email) === norm(email));
	return toItems(customers, c.itemIndex);
};
