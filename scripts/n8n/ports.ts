/** Free loopback ports for n8n instances, so parallel instances (and parallel jest runs) do not collide. */
import * as net from 'node:net';

/** n8n's defaults (5678 UI/API, 5679 task broker) are never handed out: a developer's own n8n may hold them. */
const RESERVED = new Set([5678, 5679]);
const handedOut = new Set<number>();

function probe(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * A port that was free on 127.0.0.1 a moment ago and was not handed out before by this process.
 * (The OS may still give it to someone else before n8n binds it; startN8n retries on EADDRINUSE.)
 */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await probe();
		if (!RESERVED.has(port) && !handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error('Could not find a free loopback port after 50 attempts');
}
