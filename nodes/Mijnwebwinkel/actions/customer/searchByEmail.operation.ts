import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { asObject } from '../../helpers/items';
import type { MijnwebwinkelRun } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{
		displayName: 'Exact Match Only',
		name: 'exactMatch',
		type: 'boolean',
		default: true,
		description:
			'Whether to keep only customers whose e-mail equals the given one (ignoring case and spaces); the API search also returns partial matches',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['searchByEmail'] } },
	properties,
);

const norm = (email: unknown) =>
	String(email ?? '')
		.trim()
		.toLowerCase();

/** `GET /v1/customers?q=` is a text search answering `{"customers": […]}`; one item per customer found. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const email = String(run.ctx.getNodeParameter('email', i, '') ?? '').trim();
		if (!email) {
			throw new NodeOperationError(run.ctx.getNode(), 'No e-mail address given', {
				itemIndex: i,
				description:
					'Enter the e-mail address to search for, or map it from the input with an expression.',
			});
		}
		const exact = run.ctx.getNodeParameter('exactMatch', i, true) as boolean;
		const body = await run.api.request(
			{ method: 'GET', path: '/v1/customers', qs: { q: email, embed: 'address' } },
			i,
		);
		const list = Array.isArray(body) ? body : asObject(body).customers;
		let customers = (Array.isArray(list) ? list : []).map(asObject) as IDataObject[];
		if (exact) customers = customers.filter((x) => norm(x.email) === norm(email));
		return customers;
	});
}
