import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Factuursturen.nl API v1: HTTP Basic with the account's username and an API key. The base URL is a
 * field so the same credential works against the local sandbox.
 */
export class FactuursturenApi implements ICredentialType {
	name = 'factuursturenApi';

	displayName = 'Factuursturen API';

	icon: Icon = {
		light: 'file:../nodes/Factuursturen/factuursturen.svg',
		dark: 'file:../nodes/Factuursturen/factuursturen.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-mijnwebwinkel-factuursturen/n8n-nodes-mijnwebwinkel-factuursturen#factuursturen-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The username you log in to Factuursturen.nl with',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create it in Factuursturen under Instellingen > Verbindingen with "Maak API sleutel", and set the key to Active',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.factuursturen.nl/api/v1',
			required: true,
			description:
				'Change only to point at a test server; the real API is only reachable over HTTPS',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/clients',
			qs: { count: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Factuursturen rejected the username or API key. Check the username, and create a key under Instellingen > Verbindingen with "Maak API sleutel"; set the key to Active.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Factuursturen refused access (403). If the hourly API budget is spent, try again after the next full hour; otherwise check that the API key is Active under Instellingen > Verbindingen.',
				},
			},
		],
	};
}
