/** The environment every harness-started n8n runs with: isolated home, fixed key, no phoning home, free ports. */
import { freePort } from './ports';
import { locateRuntime } from './runtime';
import type { N8nHome } from './home';

/** Fixed so credentials imported by one command decrypt in the next (and in a later `n8n start`). */
export const E2E_ENCRYPTION_KEY = 'e2e-mijnwebwinkel-factuursturen-0123456789';

/**
 * Modules switched off: they only fetch from api.n8n.io or serve AI/chat features; none is needed to load community
 * packages, import, execute or serve the public API, and the tests must not reach non-loopback addresses.
 */
export const DISABLED_MODULES = [
	'mcp-registry',
	'instance-ai',
	'workflow-builder',
	'agents',
	'agent-evals',
	'chat-hub',
];

/** Only these variables of the harness's own environment are passed on (jest sets e.g. NODE_ENV=test, which
 * makes n8n refuse to load nodes: "Not available in tests"). */
const PASSED_THROUGH = ['HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'SHELL'];

export type N8nEnv = Record<string, string> & { N8N_PORT: string; N8N_RUNNERS_BROKER_PORT: string };

/**
 * Environment for one n8n process on `home`. Picks a fresh free N8N_PORT and task-broker port on every call
 * (the broker always binds, even for CLI commands, so two parallel commands must not share it).
 * `extra` is applied last and wins (e.g. GENERIC_TIMEZONE, N8N_LOG_LEVEL, owner variables).
 */
export async function n8nEnv(
	home: N8nHome | string,
	extra: Record<string, string> = {},
): Promise<N8nEnv> {
	const runtime = locateRuntime();
	const userFolder = typeof home === 'string' ? home : home.dir;
	const env: Record<string, string> = {};
	for (const name of PASSED_THROUGH) {
		const value = process.env[name];
		if (value !== undefined) env[name] = value;
	}
	Object.assign(env, {
		PATH: `${runtime.nodeBinDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_PORT: String(await freePort()),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DISABLED_MODULES: DISABLED_MODULES.join(','),
		GENERIC_TIMEZONE: 'Europe/Amsterdam',
	});
	Object.assign(env, extra);
	return env as N8nEnv;
}
