/** A taken port rejects instead of killing the process, and the demo's shop then starts on free ports. */
import * as net from 'node:net';
import { startSandbox } from '../../sandbox/common/server';
import { startDemoShopPreferring } from '../../sandbox/demo-shop';

/** Holds a loopback port, as another program on the machine would. */
async function occupy(): Promise<{ port: number; release(): Promise<void> }> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function answers(url: string): Promise<boolean> {
	try {
		await fetch(url);
		return true;
	} catch {
		return false;
	}
}

describe('sandbox ports', () => {
	it('startSandbox rejects with EADDRINUSE on a taken port', async () => {
		const taken = await occupy();
		try {
			await expect(
				startSandbox({ name: 'test', routes: [], state: () => ({}) }, taken.port),
			).rejects.toMatchObject({ code: 'EADDRINUSE' });
		} finally {
			await taken.release();
		}
	});

	it('the demo shop falls back to free ports when its preferred one is taken, and leaves nothing behind', async () => {
		const taken = await occupy();
		const spare = await occupy();
		const sparePort = spare.port;
		await spare.release(); // free now: the first sandbox gets it, then the second one's port is taken
		try {
			const shop = await startDemoShopPreferring(
				{ mijnwebwinkel: sparePort, factuursturen: taken.port },
				{ seed: 1, orderCount: 3, days: 2 },
			);
			try {
				expect(shop.fellBack).toBe(true);
				expect([shop.mijnwebwinkel.port, shop.factuursturen.port]).not.toContain(taken.port);
				expect(shop.mijnwebwinkel.port).not.toBe(sparePort);
				expect(await answers(`${shop.mijnwebwinkel.url}/__sandbox/requests`)).toBe(true);
				// the sandbox that had started on the preferred port was closed again
				expect(await answers(`http://127.0.0.1:${sparePort}/__sandbox/requests`)).toBe(false);
			} finally {
				await shop.close();
			}
		} finally {
			await taken.release();
		}
	});

	it('uses the preferred ports when they are free', async () => {
		const a = await occupy();
		const b = await occupy();
		const ports = { mijnwebwinkel: a.port, factuursturen: b.port };
		await a.release();
		await b.release();
		const shop = await startDemoShopPreferring(ports, { seed: 1, orderCount: 3, days: 2 });
		try {
			expect(shop.fellBack).toBe(false);
			expect([shop.mijnwebwinkel.port, shop.factuursturen.port]).toEqual([
				ports.mijnwebwinkel,
				ports.factuursturen,
			]);
		} finally {
			await shop.close();
		}
	});
});
