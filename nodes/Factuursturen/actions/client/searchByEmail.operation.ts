/** Client → Search by Email. */
import {
	NodeOperationError,
	updateDisplayOptions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { exactEmailMatches } from '../../../../core/booking/debtor-choice';
import { forEachItem } from '../../helpers/forEachItem';
import { normalizeRecord } from '../../helpers/normalize';
import { searchClientsByEmail } from '../../transport/clients';
import type { FactuursturenRun } from '../node.type';
import { emailProperty } from '../../../common/email.descriptions';

const properties: INodeProperties[] = [
	emailProperty,
	{
		displayName: 'Exact Match Only',
		name: 'exactMatch',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only clients whose e-mail equals the given one (trimmed, case-insensitive); Factuursturen itself does a text search',
	},
];

const displayOptions = { show: { resource: ['client'], operation: ['searchByEmail'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const email = String(run.ctx.getNodeParameter('email', i)).trim();
		if (email === '')
			throw new NodeOperationError(run.ctx.getNode(), 'Email is empty', {
				itemIndex: i,
				description: 'Give the e-mail address to search for.',
			});
		const exact = run.ctx.getNodeParameter('exactMatch', i) as boolean;
		const found = await searchClientsByEmail(run, email, i);
		return (exact ? exactEmailMatches(found, email) : found).map((c) => normalizeRecord(c));
	});
}
