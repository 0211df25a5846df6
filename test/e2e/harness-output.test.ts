/** Pure parts of the harness: reading `n8n execute` output and masking secrets in what it surfaces. */
import { extractResultJson, redactSecrets } from '../../scripts/n8n';

describe('extractResultJson', () => {
	const result = {
		data: { resultData: { runData: { A: [{ data: { main: [[{ json: { x: '{' } }]] } }] } } },
		status: 'success',
	};

	it('finds the execution JSON after log lines, as --rawOutput prints it', () => {
		const stdout = [
			'n8n Task Broker ready on 127.0.0.1, port 40000',
			'[license SDK] Skipping renewal on init: license cert is not initialized',
			JSON.stringify(result, null, 2),
			'',
		].join('\n');
		expect(extractResultJson(stdout)).toEqual(result);
	});

	it('finds the JSON of a failed run followed by more log lines', () => {
		const failed = { ...result, status: 'error' };
		const stdout = [
			'Execution was NOT successful. See log message for details.',
			'====================================',
			JSON.stringify(failed, null, 2),
			'Error executing workflow. See log messages for details.',
			'}',
		].join('\n');
		expect(extractResultJson(stdout)).toEqual(failed);
	});

	it('skips a lone brace that is not JSON and returns undefined when no result was printed', () => {
		expect(extractResultJson('{\nnot json\n}\n')).toBeUndefined();
		expect(extractResultJson('Initializing n8n process\nSegmentation fault\n')).toBeUndefined();
		expect(extractResultJson('{\nnot json\n}\n' + JSON.stringify(result, null, 2))).toEqual(result);
	});
});

describe('redactSecrets', () => {
	it('masks tokens in query strings, auth headers and JSON fields', () => {
		const text = [
			'GET https://api.example.test/v1/orders?token=abc123&partner_token=def456&page=2',
			'Authorization: Basic dXNlcjpwYXNz',
			'{"apiKey":"k-999","name":"visible"}',
		].join('\n');
		const masked = redactSecrets(text);
		for (const secret of ['abc123', 'def456', 'dXNlcjpwYXNz', 'k-999'])
			expect(masked).not.toContain(secret);
		expect(masked).toContain('page=2');
		expect(masked).toContain('"name":"visible"');
	});
});
