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
	displayOptions: { hide: { operation: ['buildRows', 'migrationProgress'] } },
	options: [
		{
			displayName: 'Max Wait in Node (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 0 },
			description:
				'No request is sent while the budget is spent. A renewal at most this far away is waited for inside the node; otherwise the item ends with code waiting_for_budget (not sent, not failed) for a later run or a Wait node.',
		},
		{
			displayName: 'Pacing',
			name: 'pacing',
			type: 'options',
			default: 'burst',
			options: [
				{
					name: 'Burst, Then Wait for Renewal',
					value: 'burst',
					description:
						'Suggest no wait while more than the reserve is left, then wait until the budget renews',
				},
				{
					name: 'Spread Over the Hour',
					value: 'spread',
					description: 'Suggest waits that spread the remaining budget evenly until it renews',
				},
			],
			description:
				'How rateLimit.suggestedWaitSeconds in the output spends the hourly budget (use it in a Wait node)',
		},
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
			displayName: 'Rate Limit Window (Seconds)',
			name: 'rateLimitWindowSeconds',
			type: 'number',
			default: 3600,
			typeOptions: { minValue: 1 },
			description:
				'Length of the Factuursturen budget window: it renews at every multiple of it (a clock hour). Change it only for a test API that compresses the hour.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			default: 60000,
			typeOptions: { minValue: 1000 },
			description:
				'How long to wait for an answer from Factuursturen before treating the request as failed',
		},
	],
};
