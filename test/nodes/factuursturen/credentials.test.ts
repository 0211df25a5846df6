/**
 * The factuursturenApi credential: generic Basic auth as n8n applies it, and its credential test request
 * (as n8n's credential tester runs it: resolve, authenticate, send) against the sandbox.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { FactuursturenApi } from '../../../credentials/FactuursturenApi.credentials';
import {
	applyAuthentication,
	performRequest,
	resolveCredentialExpression,
} from '../../support/n8n-context';
import { sandbox, type Sandbox } from './harness';

let s: Sandbox;
beforeAll(async () => {
	s = await sandbox();
});
afterAll(() => s.close());

const credential = new FactuursturenApi();

/** What n8n does with `test.request`: expressions resolved, the credential's authenticate applied. */
async function runCredentialTest(data: ICredentialDataDecryptedObject) {
	const req = credential.test.request;
	const options: IHttpRequestOptions = {
		method: req.method ?? 'GET',
		baseURL: resolveCredentialExpression(req.baseURL, data) as string,
		url: req.url ?? '',
		qs: req.qs as IDataObject,
		headers: req.headers as IDataObject,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	const response = (await performRequest(await applyAuthentication(credential, data, options))) as {
		statusCode: number;
		body: unknown;
	};
	const rule = credential.test.rules?.find(
		(r) => r.type === 'responseCode' && r.properties.value === response.statusCode,
	);
	return {
		status: response.statusCode,
		body: response.body,
		failure: rule ? (rule.properties as { message: string }).message : null,
	};
}

describe('factuursturenApi credential', () => {
	it('declares username, a password-type API key and a changeable base URL', () => {
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.apiKey.typeOptions?.password).toBe(true);
		expect(byName.baseUrl.default).toBe('https://www.factuursturen.nl/api/v1');
		expect(credential.name).toBe('factuursturenApi');
		expect(credential.displayName).toBe('Factuursturen API');
	});

	it('passes the test with the right username and key (HTTP Basic)', async () => {
		const result = await runCredentialTest({
			username: s.sb.username,
			apiKey: s.sb.apiKey,
			baseUrl: s.sb.baseUrl,
		});
		expect(result).toMatchObject({ status: 200, failure: null });
		const log = (await s.requests()).at(-1)!;
		expect(log).toMatchObject({ method: 'GET', path: '/api/v1/clients', query: { count: '1' } });
	});

	it('also with a trailing slash in the base URL', async () => {
		const result = await runCredentialTest({
			username: s.sb.username,
			apiKey: s.sb.apiKey,
			baseUrl: `${s.sb.baseUrl}/`,
		});
		expect(result.status).toBe(200);
	});

	it('fails a wrong key with a message saying where to make one', async () => {
		const result = await runCredentialTest({
			username: s.sb.username,
			apiKey: 'not-the-key',
			baseUrl: s.sb.baseUrl,
		});
		expect(result.status).toBe(401);
		expect(result.failure).toMatch(/Instellingen > Verbindingen/);
		expect(result.failure).toMatch(/Maak API sleutel/);
		expect(result.failure).toMatch(/Active/);
	});

	it('fails a wrong username the same way', async () => {
		const result = await runCredentialTest({
			username: 'someone-else',
			apiKey: s.sb.apiKey,
			baseUrl: s.sb.baseUrl,
		});
		expect(result.status).toBe(401);
		expect(result.failure).toMatch(/username or API key/);
	});
});
