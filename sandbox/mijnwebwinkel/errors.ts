/** Error bodies as the API sends them: the legacy `Error` schema, and RFC 7807 for the newer endpoints. */
import type { SandboxResponse } from '../common/server';

/** legacy `{code, message, description}` (orders, articles, store, statuses) */
export const legacyError = (
	status: number,
	message: string,
	description: string,
	headers?: Record<string, string>,
): SandboxResponse => ({
	status,
	headers,
	body: { code: status, message, description },
});

/** RFC 7807 `{type, title, detail, status}` (customers), as MyOnlineStore's api-tools emit it */
export const problem = (status: number, title: string, detail: string): SandboxResponse => ({
	status,
	body: { type: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html', title, detail, status },
});

export const badRequest = (message: string, description: string): SandboxResponse =>
	legacyError(400, message, description);
