/**
 * Both sandboxes over ONE generated shop: the Mijnwebwinkel side serves its orders, the Factuursturen side
 * already knows some of its customers as debtors (as a shop that booked by hand before would). Used by
 * `npm run sandbox`, the demo and the end-to-end tests.
 */
import { generateShop, type GeneratedShop } from './generator';
import { startMijnwebwinkelSandbox, type RunningMijnwebwinkelSandbox } from './mijnwebwinkel';
import { startFactuursturenSandbox, type RunningFactuursturenSandbox } from './factuursturen';

export interface DemoShopOptions {
	seed?: number;
	orderCount?: number;
	/** 'YYYY-MM-DD' last order day (default: today in Europe/Amsterdam, so a daily sync finds recent orders) */
	today?: string;
	days?: number;
	/** orders in the Mijnwebwinkel API's own shape, instead of a generated shop */
	ordersFile?: string;
	mijnwebwinkelPort?: number;
	factuursturenPort?: number;
	/** Factuursturen requests per window (default 1000) and window length (default one hour) */
	factuursturenBudget?: number;
	factuursturenWindowMs?: number;
	/** preload the generated shop's existing debtors into Factuursturen (default true) */
	existingDebtors?: boolean;
}

export interface DemoShop {
	shop: GeneratedShop | null;
	mijnwebwinkel: RunningMijnwebwinkelSandbox;
	factuursturen: RunningFactuursturenSandbox;
	close(): Promise<void>;
}

export function amsterdamToday(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

export async function startDemoShop(o: DemoShopOptions = {}): Promise<DemoShop> {
	const seed = o.seed ?? 1;
	const shop = o.ordersFile
		? null
		: generateShop({
				seed,
				orderCount: o.orderCount ?? 60,
				today: o.today ?? amsterdamToday(),
				days: o.days ?? 14,
			});
	const mijnwebwinkel = await startMijnwebwinkelSandbox({
		seed,
		...(shop ? { orders: shop.orders, statuses: shop.statuses } : { ordersFile: o.ordersFile }),
		port: o.mijnwebwinkelPort ?? 0,
	});
	let factuursturen: RunningFactuursturenSandbox;
	try {
		factuursturen = await startFactuursturenSandbox({
			seed,
			clients:
				shop && o.existingDebtors !== false ? shop.existingDebtors.map((d) => ({ ...d })) : [],
			rateLimit: {
				budget: o.factuursturenBudget ?? 1000,
				windowMs: o.factuursturenWindowMs ?? 3_600_000,
			},
			port: o.factuursturenPort ?? 0,
		});
	} catch (error) {
		// the first sandbox must not stay behind on its port when the second cannot start
		await mijnwebwinkel.close();
		throw error;
	}
	return {
		shop,
		mijnwebwinkel,
		factuursturen,
		close: async () => {
			await Promise.all([mijnwebwinkel.close(), factuursturen.close()]);
		},
	};
}

/**
 * The demo's fixed ports (so its URLs stay the same between runs), or free ones when either is taken.
 * `fellBack` tells the caller to say so.
 */
export async function startDemoShopPreferring(
	ports: { mijnwebwinkel: number; factuursturen: number },
	o: Omit<DemoShopOptions, 'mijnwebwinkelPort' | 'factuursturenPort'> = {},
): Promise<DemoShop & { fellBack: boolean }> {
	try {
		const shop = await startDemoShop({
			...o,
			mijnwebwinkelPort: ports.mijnwebwinkel,
			factuursturenPort: ports.factuursturen,
		});
		return { ...shop, fellBack: false };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		return { ...(await startDemoShop(o)), fellBack: true };
	}
}
