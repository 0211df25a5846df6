/**
 * `npm run sandbox [-- options]`: both API sandboxes over one seeded sample shop, until Ctrl-C.
 */
import { startDemoShop } from './demo-shop';

const HELP = `Usage: npm run sandbox -- [options]
  --seed N                 shop generator seed (default 1)
  --orders N               number of generated orders (default 60)
  --today YYYY-MM-DD       last order day (default: today, Europe/Amsterdam)
  --days N                 spread orders over N days (default 14)
  --orders-file PATH       serve these orders (Mijnwebwinkel API shape, a JSON array) instead of a generated shop
  --mww-port N             Mijnwebwinkel port (default 5710)
  --fs-port N              Factuursturen port (default 5711)
  --fs-budget N            Factuursturen requests per window (default 1000)
  --fs-window-seconds N    Factuursturen rate-limit window (default 3600)`;

function parseArgs(argv: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--help' || a === '-h') out.help = 'true';
		else if (a.startsWith('--')) out[a.slice(2)] = argv[++i] ?? '';
		else throw new Error(`unexpected argument ${a}\n${HELP}`);
	}
	return out;
}

const num = (v: string | undefined, fallback: number): number => {
	if (v === undefined) return fallback;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 0) throw new Error(`"${v}" is not a whole number\n${HELP}`);
	return n;
};

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) return void console.log(HELP);
	const demo = await startDemoShop({
		seed: num(args.seed, 1),
		orderCount: num(args.orders, 60),
		today: args.today,
		days: num(args.days, 14),
		ordersFile: args['orders-file'],
		mijnwebwinkelPort: num(args['mww-port'], 5710),
		factuursturenPort: num(args['fs-port'], 5711),
		factuursturenBudget: num(args['fs-budget'], 1000),
		factuursturenWindowMs: num(args['fs-window-seconds'], 3600) * 1000,
	});
	const m = demo.mijnwebwinkel;
	const f = demo.factuursturen;
	console.log(`Mijnwebwinkel sandbox   ${m.url}
  credential "Mijnwebwinkel API": Base URL ${m.url}  Store Token ${m.storeToken}  Partner Token ${m.partnerToken}
  ${m.orders().length} orders${demo.shop ? ` (seed ${demo.shop.seed}, ${demo.shop.from} … ${demo.shop.today})` : ''}
Factuursturen sandbox   ${f.baseUrl}
  credential "Factuursturen API": Base URL ${f.baseUrl}  Username ${f.username}  API Key ${f.apiKey}
  ${demo.shop?.existingDebtors.length ?? 0} existing debtors
Inspection: ${m.url}/__sandbox/requests · ${f.url}/__sandbox/state
Ctrl-C stops both.`);
	const stop = (): void => void demo.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
