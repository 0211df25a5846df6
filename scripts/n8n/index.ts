/**
 * Real-n8n harness: installs the packed package into a fresh n8n 2.41.1 home, imports credentials and workflows,
 * runs workflows with `n8n execute`, and serves `n8n start` with an owner and a public-API key.
 * Used by the e2e jest project (test/e2e) and the demo. Runs under the system Node 20; n8n runs under Node 24.
 */
export { locateRuntime, REPO_ROOT, type N8nRuntime } from './runtime';
export { freePort } from './ports';
export { packPackage, packDirectory } from './pack';
export { createN8nHome, installPackage, type N8nHome, type InstalledPackage } from './home';
export { n8nEnv, E2E_ENCRYPTION_KEY, DISABLED_MODULES, type N8nEnv } from './env';
export {
	runN8nCli,
	importCredentials,
	importWorkflow,
	executeWorkflow,
	nodeOutput,
	type CliResult,
	type CliOptions,
	type N8nCredential,
	type WorkflowJson,
	type RunData,
	type ExecuteResult,
	type ExecuteOptions,
} from './cli';
export {
	startN8n,
	loginAndApiKey,
	publicApi,
	hashOwnerPassword,
	type RunningN8n,
	type StartOptions,
	type N8nOwner,
	type N8nSession,
	type PublicApi,
} from './server';
export { startRunner, RUNNER_OWNER, type ServerRunner } from './server-run';
export {
	startQueueServices,
	startQueueCluster,
	type QueueServices,
	type QueueCluster,
	type QueueClusterOptions,
	type RunningWorker,
} from './queue';
export { httpRequest, type HttpAnswer, type HttpOptions } from './http';
export { killAllN8n, runningN8nCount } from './processes';
export { extractResultJson, redactSecrets } from './output';
export {
	writeProbePackage,
	packProbePackage,
	PROBE_PACKAGE,
	PROBE_NODE_TYPE,
	PROBE_CREDENTIAL_TYPE,
} from './probe-package';
