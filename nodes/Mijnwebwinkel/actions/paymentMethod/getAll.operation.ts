import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { paymentMethodItems } from '../../helpers/paymentMethods';
import type { MijnwebwinkelRun } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Methods',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'This Store',
				value: 'store',
				description: 'The methods this shop has set up (needs the store token)',
			},
			{
				name: 'All Mijnwebwinkel Offers',
				value: 'all',
				description: 'Every method any Mijnwebwinkel shop can offer (needs only the partner token)',
			},
		],
		default: 'store',
		description: 'Which payment methods to list',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentMethod'], operation: ['getAll'] } },
	properties,
);

/** `me`: the store of the store token. The catalogue of all methods needs only the partner token. */
export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const source = run.ctx.getNodeParameter('source', i, 'store') as string;
		const path = source === 'all' ? '/v1/payment/gateways' : '/v1/payment/stores/me/gateways';
		return paymentMethodItems(await run.api.request({ method: 'GET', path }, i));
	});
}
