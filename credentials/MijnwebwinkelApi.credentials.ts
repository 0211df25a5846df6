import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const TOKEN_HOW_TO =
	'Make a new store token in Mijnwebwinkel under Instellingen > API > Token toevoegen';

/**
 * Checked in order against the body of `GET /v1/store`, first match wins. The exact messages are those the
 * API's legacy error body carries; the `code`/`status` rules catch the same cases when the wording differs.
 */
const MIJNWEBWINKEL_CREDENTIAL_RULES: IAuthenticateRuleResponseSuccessBody[] = [
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'message',
			value: 'Token issued for another partner',
			message: `This store token was made for another partner. ${TOKEN_HOW_TO}, choose the partner of this integration in the partner list, and paste the new token here.`,
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'message',
			value: 'API not available on this plan',
			message:
				"The shop's Mijnwebwinkel plan has no API access: the API needs the PREMIUM plan. Upgrade the plan, then make a store token.",
		},
	},
	...['Invalid partner token', 'Missing partner token'].map(
		(value): IAuthenticateRuleResponseSuccessBody => ({
			type: 'responseSuccessBody',
			properties: {
				key: 'message',
				value,
				message:
					'The partner token is wrong or missing. Enter the token Mijnwebwinkel issued to the integration partner.',
			},
		}),
	),
	...['code', 'status'].flatMap((key): IAuthenticateRuleResponseSuccessBody[] => [
		{
			type: 'responseSuccessBody',
			properties: {
				key,
				value: 401,
				message: `The store token is wrong, expired or revoked. ${TOKEN_HOW_TO} and paste it here.`,
			},
		},
		{
			type: 'responseSuccessBody',
			properties: {
				key,
				value: 403,
				message: `Mijnwebwinkel refused access. Either the store token was made for another partner (${TOKEN_HOW_TO} and choose this integration's partner), or the shop's plan has no API access (the API needs the PREMIUM plan).`,
			},
		},
		{
			type: 'responseSuccessBody',
			properties: {
				key,
				value: 429,
				message:
					'Mijnwebwinkel is rate-limiting these tokens right now. Wait a minute and test again.',
			},
		},
	]),
	{
		// a store always has an id: anything else is an error page or not the Mijnwebwinkel API at all
		type: 'responseSuccessBody',
		properties: {
			key: 'id',
			value: undefined,
			message:
				'No Mijnwebwinkel store answered. Check the Base URL (normally https://api.myonlinestore.com) and try again.',
		},
	},
];

/**
 * Mijnwebwinkel (MyOnlineStore API v1): a store token (made by the shop owner for one partner) and the
 * partner token (the application's), both sent as query parameters on every call. Because they travel in
 * the URL, the node redacts them from every error it builds.
 */
export class MijnwebwinkelApi implements ICredentialType {
	name = 'mijnwebwinkelApi';

	displayName = 'Mijnwebwinkel API';

	icon = {
		light: 'file:../nodes/Mijnwebwinkel/mijnwebwinkel.svg',
		dark: 'file:../nodes/Mijnwebwinkel/mijnwebwinkel.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-mijnwebwinkel-factuursturen/n8n-nodes-mijnwebwinkel-factuursturen#mijnwebwinkel-credentials';

	properties: INodeProperties[] = [
		{
			// the API binds every store token to one registered partner application; without this route a shop
			// owner cannot tell which partner to pick or where the partner token comes from
			displayName:
				'Two tokens, from two people. The <b>partner token</b> belongs to whoever runs this integration (you, your bookkeeper or your n8n provider): they register it once as a partner application with Mijnwebwinkel (mijnwebwinkel.nl/partners or mijnwebwinkel.nl/contact) and receive the partner token and a partner name. The <b>store token</b> is made by the shop owner in the shop admin under Instellingen > API > Token toevoegen (new menu: Add-ons & Modules > API), choosing <b>that partner name</b> from the partner list, validity Onbeperkt, status Actief, then Toon token. The API needs the PREMIUM plan.',
			name: 'partnerNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Store Token',
			name: 'storeToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Made by the shop owner in Mijnwebwinkel under Instellingen > API > Token toevoegen, choosing this integration as the partner',
		},
		{
			displayName: 'Partner Token',
			name: 'partnerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token Mijnwebwinkel issued to the integration partner the store token was made for',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.myonlinestore.com',
			description: 'Change only to point at a local test sandbox',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			default: 'nl_NL',
			description:
				'Language of texts the API returns, such as order status names and article names',
			options: [
				{ name: 'Danish', value: 'da_DK' },
				{ name: 'Dutch', value: 'nl_NL' },
				{ name: 'English (UK)', value: 'en_GB' },
				{ name: 'English (US)', value: 'en_US' },
				{ name: 'French', value: 'fr_FR' },
				{ name: 'German', value: 'de_DE' },
				{ name: 'Italian', value: 'it_IT' },
				{ name: 'Norwegian', value: 'no_NO' },
				{ name: 'Polish', value: 'pl_PL' },
				{ name: 'Portuguese', value: 'pt_PT' },
				{ name: 'Spanish', value: 'es_ES' },
				{ name: 'Swedish', value: 'sv_SE' },
				{ name: 'Turkish', value: 'tr_TR' },
			],
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				token: '={{$credentials.storeToken}}',
				partner_token: '={{$credentials.partnerToken}}',
			},
		},
	};

	/**
	 * n8n's request-based test turns only THROWN responses into per-status messages, and one message per status
	 * cannot tell the two 403 causes apart. So HTTP errors are not thrown here and the rules read the error body
	 * instead (first match wins). The last rule catches anything that is not a store (no `id`), such as an
	 * unknown error body, an HTML page or a wrong base URL, so a failure can never pass as "Connection successful".
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/store',
			method: 'GET',
			qs: { format: 'json', language: '={{$credentials.language}}' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: MIJNWEBWINKEL_CREDENTIAL_RULES,
	};
}
