import { NodeOperationError } from 'n8n-workflow';
import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject, toItems } from '../items';
import type { Operation } from '../types';

/** `GET /v1/customers/{id}` answers `{"customer": {…}}`; the item is the customer itself. */
export const getCustomer: Operation = async function (c) {
	const id = String(this.getNodeParameter('customerId', c.itemIndex, '') ?? '').trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No customer ID given', {
			itemIndex: c.itemIndex,
			description: "Enter the customer's ID (a UUID), e.g. from an order's debtor.id.",
		});
	}
	const body = asObject(
		await mijnwebwinkelRequest.call(
			this,
			{ method: 'GET', path: `/v1/customers/${encodeURIComponent(id)}` },
			c.policy,
			c.itemIndex,
		),
	);
	return toItems([asObject(body.customer ?? body)], c.itemIndex);
};
