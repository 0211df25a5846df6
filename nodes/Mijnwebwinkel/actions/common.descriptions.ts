import type { INodeProperties } from 'n8n-workflow';

/** Limits of retrying and waiting, shown on every operation. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Rate-Limit Retries',
			name: 'rateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3,
			description:
				'How often a request answered with HTTP 429 (too many requests) is retried after the wait Mijnwebwinkel asks for',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description:
				'The longest one request may spend waiting for retries; beyond it the node fails with a clear message instead of hanging',
		},
		{
			displayName: 'Server Error Retries',
			name: 'serverErrorRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 2,
			description:
				'How often a read is retried after a server error, a lost connection or a timeout. Updates are never retried this way: they may already have been applied.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description: 'How long to wait for each answer, in milliseconds',
		},
	],
};

/** Fields of the Get Many operations; each operation places them with its own display options. */
export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	displayOptions: { show: { returnAll: [false] } },
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};
