/**
 * The credential test. n8n runs a credential's `test` request through its RoutingNode and then applies the
 * rules; `credentialTest` below does what n8n 2.41 does (n8n `services/credentials-tester.service.js`
 * `runRequestTest`, n8n-core `routing-node.js` `rawRoutingRequest`/`postProcessResponseData`): expressions
 * resolved with `$credentials`, the generic authenticate applied, `returnFullResponse` forced, the body as
 * the item's json (an array becomes one item per element), `responseSuccessBody` rules checked in order
 * with lodash `get(json, key) === value`. Only n8n is stood in for; the HTTP goes to the real sandbox.
 */
import type {
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { MijnwebwinkelApi } from '../../../credentials/MijnwebwinkelApi.credentials';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import {
	applyAuthentication,
	performRequest,
	resolveCredentialExpression,
} from '../../support/n8n-context';
import { credentialsFor, requestLog, resetSandbox } from './harness';

jest.setTimeout(30_000);

type Result = { status: 'OK' | 'Error'; message: string };

const resolveDeep = (v: unknown, data: ICredentialDataDecryptedObject): unknown =>
	v && typeof v === 'object' && !Array.isArray(v)
		? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveDeep(x, data)]))
		: resolveCredentialExpression(v, data);

const getPath = (obj: unknown, key: string): unknown =>
	key
		.split('.')
		.reduce<unknown>(
			(acc, k) =>
				acc !== null && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined,
			obj,
		);

async function credentialTest(data: ICredentialDataDecryptedObject): Promise<Result> {
	const type = new MijnwebwinkelApi();
	const request = {
		...(resolveDeep(type.test.request, data) as IHttpRequestOptions),
		returnFullResponse: true,
	};
	let json: unknown;
	try {
		const response = (await performRequest(await applyAuthentication(type, data, request))) as {
			body: unknown;
		};
		json = Array.isArray(response.body) ? response.body[0] : response.body;
	} catch (error) {
		const e = error as {
			response?: { status: number; statusText: string };
			code?: string;
			message: string;
		};
		if (e.response)
			return {
				status: 'Error',
				message: e.response.statusText || `Received HTTP status code: ${e.response.status}`,
			};
		return { status: 'Error', message: e.code ?? e.message };
	}
	for (const rule of (type.test.rules ?? []) as IAuthenticateRuleResponseSuccessBody[]) {
		if (
			rule.type === 'responseSuccessBody' &&
			getPath(json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

let sb: RunningMijnwebwinkelSandbox;
beforeAll(async () => {
	sb = await startMijnwebwinkelSandbox({ seed: 2, shop: { orderCount: 20 } });
});
afterAll(async () => sb?.close());
beforeEach(async () => {
	await resetSandbox(sb);
	sb.setRateLimit(null);
});

test('good tokens: connection successful, tested on /v1/store with both tokens and the language', async () => {
	expect(await credentialTest(credentialsFor(sb))).toEqual({
		status: 'OK',
		message: 'Connection successful!',
	});
	const [req] = await requestLog(sb);
	expect(req.path).toBe('/v1/store');
	expect(req.query).toMatchObject({
		token: '***',
		partner_token: '***',
		language: 'nl_NL',
		format: 'json',
	});
});

test('wrong store token: says to make a new token under Instellingen > API > Token toevoegen', async () => {
	const r = await credentialTest(credentialsFor(sb, { storeToken: 'nope' }));
	expect(r.status).toBe('Error');
	expect(r.message).toContain('The store token is wrong');
	expect(r.message).toContain('Instellingen > API > Token toevoegen');
});

test('wrong partner token: names the partner token', async () => {
	const r = await credentialTest(credentialsFor(sb, { partnerToken: 'nope' }));
	expect(r.status).toBe('Error');
	expect(r.message).toContain('The partner token is wrong');
});

test('token made for another partner: says to choose the right partner', async () => {
	const r = await credentialTest(credentialsFor(sb, { storeToken: sb.foreignPartnerStoreToken }));
	expect(r.status).toBe('Error');
	expect(r.message).toContain('made for another partner');
	expect(r.message).toContain('choose the partner of this integration');
});

test('shop plan without API: says the API needs PREMIUM', async () => {
	const r = await credentialTest(credentialsFor(sb, { storeToken: sb.noApiAccessStoreToken }));
	expect(r.status).toBe('Error');
	expect(r.message).toContain('PREMIUM');
	expect(r.message).not.toContain('another partner');
});

test('rate limited: says to wait', async () => {
	sb.setRateLimit({ requestsPerWindow: 0, windowMs: 60_000 });
	const r = await credentialTest(credentialsFor(sb));
	expect(r).toEqual({ status: 'Error', message: expect.stringContaining('rate-limiting') });
});

test('a base URL that is not the API never passes as successful', async () => {
	const wrongPath = await credentialTest(credentialsFor(sb, { baseUrl: `${sb.url}/not-the-api` }));
	expect(wrongPath.status).toBe('Error');
	expect(wrongPath.message).toContain('Check the Base URL');

	await fetch(`${sb.url}/__sandbox/faults`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify([{ route: 'GET /v1/store', kind: 'error', status: 503 }]),
	});
	const plainTextError = await credentialTest(credentialsFor(sb));
	expect(plainTextError.status).toBe('Error');
	expect(plainTextError.message).toContain('No Mijnwebwinkel store answered');
});

test('nothing listening: an error, not a success', async () => {
	const r = await credentialTest(credentialsFor(sb, { baseUrl: 'http://127.0.0.1:1' }));
	expect(r).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
});

test('the credential sends both tokens as query parameters on node requests too', () => {
	const type = new MijnwebwinkelApi();
	expect(type.authenticate).toEqual({
		type: 'generic',
		properties: {
			qs: {
				token: '={{$credentials.storeToken}}',
				partner_token: '={{$credentials.partnerToken}}',
			},
		},
	});
	for (const name of ['storeToken', 'partnerToken']) {
		expect(type.properties.find((p) => p.name === name)!.typeOptions).toEqual({ password: true });
	}
	expect(type.properties.find((p) => p.name === 'baseUrl')!.default).toBe(
		'https://api.myonlinestore.com',
	);
	expect(type.properties.find((p) => p.name === 'language')!.default).toBe('nl_NL');
});

test('the credential dialog opens with the partner route: who registers, where, and what the shop owner picks', () => {
	const [first] = new MijnwebwinkelApi().properties;
	expect(first.type).toBe('notice');
	expect(first.displayName).toMatch(/register.*partner application with Mijnwebwinkel/);
	expect(first.displayName).toContain('mijnwebwinkel.nl/partners');
	expect(first.displayName).toMatch(
		/Instellingen > API > Token toevoegen.*choosing <b>that partner name<\/b>/,
	);
});
