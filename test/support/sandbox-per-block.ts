/**
 * One sandbox for a describe block (or a whole test file): started before its tests and handed to `use`, reset
 * before each test so no test sees another's records, closed after the last.
 */
export function sandboxPerBlock<S extends { close(): Promise<void> }>(
	start: () => Promise<S>,
	reset: (sandbox: S) => Promise<void>,
	use: (sandbox: S) => void,
): void {
	let sandbox: S | undefined;
	beforeAll(async () => {
		sandbox = await start();
		use(sandbox);
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(async () => await reset(sandbox!));
}
