import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { asObject } from '../../helpers/items';
import { requiredText } from '../../helpers/parameters';
import type { MijnwebwinkelRun } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0d6f1c2e-2b0a-4c77-9d3e-6b1f3f0a1c11',
		description: "The customer's ID: a UUID, the same as the debtor ID in an order",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	properties,
);

/** `GET /v1/customers/{id}` answers `{"customer": {…}}`; the item is the customer itself. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const id = requiredText(run, 'customerId', i, {
			message: 'No customer ID given',
			description: "Enter the customer's ID (a UUID), e.g. from an order's debtor.id.",
		});
		const body = asObject(
			await run.api.request({ method: 'GET', path: `/v1/customers/${encodeURIComponent(id)}` }, i),
		);
		return [asObject(body.customer ?? body)];
	});
}
