/** Parameters several operations share: Return All/Limit and the request options. */
import type { INodeProperties } from 'n8n-workflow';

export function returnAllAndLimit(resource: string, operation: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Options every operation accepts; shown last. */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Rate Limit Reserve',
			name: 'rateLimitReserve',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0 },
			description:
				'Requests of the hourly Factuursturen budget to keep free (for manual work) when computing rateLimit.suggestedWaitSeconds in the output',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			default: 60000,
			typeOptions: { minValue: 1000 },
			description: 'How long to wait for an answer from Factuursturen before treating the request as failed',
		},
	],
};
