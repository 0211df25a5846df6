import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { exactEmailMatches } from '../../../../core/booking/debtor-choice';
import { forEachItem } from '../../helpers/forEachItem';
import { listIn } from '../../helpers/items';
import { requiredText } from '../../helpers/parameters';
import type { MijnwebwinkelRun } from '../node.type';
import { emailProperty } from '../../../common/email.descriptions';

const properties: INodeProperties[] = [
	emailProperty,
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

/** `GET /v1/customers?q=` is a text search answering `{"customers": […]}`; one item per customer found. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const email = requiredText(run, 'email', i, {
			message: 'No e-mail address given',
			description:
				'Enter the e-mail address to search for, or map it from the input with an expression.',
		});
		const exact = run.ctx.getNodeParameter('exactMatch', i, true) as boolean;
		const body = await run.api.request(
			{ method: 'GET', path: '/v1/customers', qs: { q: email, embed: 'address' } },
			i,
		);
		const customers = listIn(body, 'customers');
		// the same e-mail key debtors are matched on, so shop side and bookkeeping side agree
		return exact ? exactEmailMatches(customers, email) : customers;
	});
}
