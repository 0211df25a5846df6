/**
 * `npm run bench`: how fast orders become Factuursturen payloads (goal: 100,000 in under 2 s on one core).
 *   1. 100,000 canonical orders → invoice payloads (buildInvoice), orders generated beforehand (not timed);
 *   2. if the Mijnwebwinkel mapper exists: 100,000 Mijnwebwinkel orders → canonical → payload. The raw
 *      orders come from the seeded sandbox shop generator (20,000 distinct orders, cycled 5×).
 * Prints orders/s, time, refusals by code and the process's peak memory (max RSS). Plain tsx, no jest.
 */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../sandbox/common/random';
import type { CanonicalOrder, OrderLine, VatRegime } from '../core/canonical-order';
import { OrderRefusal } from '../core/errors';
import { microsToCents, parseRateHundredths, roundDiv } from '../core/money';
import { buildInvoice, type DebtorForInvoice } from '../core/factuursturen/invoice-builder';
import { parseMapping, type InvoiceMapping } from '../core/factuursturen/mapping';
import { EU_VAT_RATES_2026 } from '../core/vat/rates';

const COUNT = 100_000;
const GOAL_MS = 2_000;

function ossMapping(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [country, rates] of Object.entries(EU_VAT_RATES_2026)) {
		for (const rate of [rates.standard, ...rates.reduced]) out[`${country}:${rate}`] = rate;
	}
	return out;
}

const MAPPING: InvoiceMapping = parseMapping({ ossVatRates: ossMapping(), categories: { domestic: '1', oss: '3' } });

/** a plausible canonical order: 1–8 articles over the regime's rates, shipping, sometimes a split discount, sometimes a credit */
function generateCanonical(count: number, seed: number): CanonicalOrder[] {
	const r = seededRandom(seed);
	const orders: CanonicalOrder[] = [];
	for (let n = 0; n < count; n++) {
		const regimeRoll = r.next();
		const regime: VatRegime = regimeRoll < 0.7 ? 'domestic' : regimeRoll < 0.85 ? 'oss' : regimeRoll < 0.93 ? 'intra_eu_reverse_charge' : 'export';
		const ossCountry = r.pick(['DE', 'BE', 'FR', 'AT']);
		const rates =
			regime === 'domestic' ? ['21', '9'] : regime === 'oss' ? [EU_VAT_RATES_2026[ossCountry].standard, ...EU_VAT_RATES_2026[ossCountry].reduced.slice(0, 1)] : ['0'];
		const lines: OrderLine[] = [];
		const line = (kind: OrderLine['kind'], rate: string, quantity: number, inclCents: number, sourceLineId: string | null = null) => {
			const h = parseRateHundredths(rate);
			const excl = roundDiv(inclCents * 100_000_000, 10_000 + h);
			lines.push({ kind, description: `${kind} ${lines.length + 1}`, sku: null, quantity, vatRate: rate, lineExclMicros: excl, lineInclCents: inclCents, unitExclMicros: roundDiv(excl, quantity), sourceLineId });
		};
		const articles = r.int(1, 8);
		for (let i = 0; i < articles; i++) {
			const q = r.chance(0.8) ? r.int(1, 3) : r.int(4, 40);
			line('article', r.pick(rates), q, r.int(50, 15_000) * q);
		}
		if (r.chance(0.3)) {
			for (const rate of new Set(lines.map((l) => l.vatRate))) {
				const gross = lines.filter((l) => l.vatRate === rate).reduce((a, l) => a + l.lineInclCents, 0);
				line('discount', rate, 1, -Math.floor(gross / 10), 'disc');
			}
		}
		line('shipping', rates[0], 1, r.pick([0, 395, 495, 695, 995]));
		const credit = r.chance(0.04);
		if (credit) for (const l of lines) Object.assign(l, { lineInclCents: -l.lineInclCents, lineExclMicros: -l.lineExclMicros, unitExclMicros: -l.unitExclMicros });
		const perRate = [...new Set(lines.map((l) => l.vatRate))].map((rate) => {
			const at = lines.filter((l) => l.vatRate === rate);
			const inclCents = at.reduce((a, l) => a + l.lineInclCents, 0);
			return { rate, inclCents, vatCents: inclCents - microsToCents(at.reduce((a, l) => a + l.lineExclMicros, 0)) };
		});
		const inclCents = perRate.reduce((a, p) => a + p.inclCents, 0);
		const vatCents = perRate.reduce((a, p) => a + p.vatCents, 0);
		const address = { name: 'Jan Jansen', company: '', street: 'Damrak', houseNumber: '1', line1: 'Damrak 1', zipcode: '1012 LG', city: 'Amsterdam', countryCode: 'NL', countryName: 'Nederland', phone: '' };
		orders.push({
			schemaVersion: 1, source: 'bench', number: String(100_000 + n), uuid: null, date: '2026-03-01', time: '12:00:00', timeZone: 'Europe/Amsterdam', placedAt: '2026-03-01T12:00:00+01:00',
			status: { id: '3', name: credit ? 'Gecrediteerd' : 'Betaald', isCredit: credit, changedAt: null }, isTest: false, archived: false, currency: 'EUR',
			businessModel: regime === 'intra_eu_reverse_charge' ? 'B2B' : 'B2C',
			customer: { email: `klant${n}@example.nl`, emailAsGiven: `klant${n}@example.nl`, name: 'Jan Jansen', company: '', vatNumber: regime === 'intra_eu_reverse_charge' ? 'DE123456789' : '', phone: '', shopCustomerId: null, invoiceAddress: address, deliveryAddress: null },
			lines, totals: { inclCents, vatCents, exclCents: inclCents - vatCents, perRate },
			payment: { method: 'ideal', gateway: 'mollie', status: 'captured' },
			vat: { regime, reason: 'bench', taxCountry: regime === 'oss' ? ossCountry : regime === 'domestic' ? 'NL' : null, destinationCountry: regime === 'oss' ? ossCountry : 'NL' },
			discountCode: '', customerNote: '', creditsOrderNumber: credit ? '99999' : null,
		});
	}
	return orders;
}

function debtorFor(order: CanonicalOrder, i: number): DebtorForInvoice {
	const tax_type = i % 2 === 0 ? 'extax' : 'intax';
	return order.vat.regime === 'intra_eu_reverse_charge'
		? { clientnr: '1', tax_type, tax_shifted: true, taxnumber: order.customer.vatNumber }
		: { clientnr: '1', tax_type };
}

interface Outcome { built: number; refused: Map<string, number>; lines: number }
const tally = (): Outcome => ({ built: 0, refused: new Map(), lines: 0 });
function count(o: Outcome, fn: () => { lines: unknown[] }): void {
	try {
		o.lines += fn().lines.length;
		o.built++;
	} catch (error) {
		if (!(error instanceof OrderRefusal)) throw error;
		o.refused.set(error.code, (o.refused.get(error.code) ?? 0) + 1);
	}
}

function report(title: string, ms: number, o: Outcome): void {
	const refused = [...o.refused].map(([c, n]) => `${c} ${n}`).join(', ') || 'none';
	const perSecond = Math.round((COUNT / ms) * 1000);
	const verdict = ms <= GOAL_MS ? 'within' : 'OVER';
	process.stdout.write(
		`${title}\n  ${COUNT.toLocaleString('en')} orders in ${ms.toFixed(0)} ms (${perSecond.toLocaleString('en')}/s, ${verdict} the ${GOAL_MS} ms goal)\n` +
			`  built ${o.built.toLocaleString('en')} invoices with ${o.lines.toLocaleString('en')} lines; refused: ${refused}\n`,
	);
}

async function main(): Promise<void> {
	const canonical = generateCanonical(COUNT, 2026);
	// warm-up so the JIT's first compilation is not measured
	for (let i = 0; i < 2_000; i++) count(tally(), () => buildInvoice(canonical[i], debtorFor(canonical[i], i), MAPPING));

	const a = tally();
	let t0 = performance.now();
	for (let i = 0; i < COUNT; i++) count(a, () => buildInvoice(canonical[i], debtorFor(canonical[i], i), MAPPING));
	report('1. canonical order → Factuursturen payload (buildInvoice)', performance.now() - t0, a);

	if (process.argv.includes('--canonical-only')) return void printPeak();
	let mapper: typeof import('../core/mijnwebwinkel/to-canonical') | null = null;
	let generator: typeof import('../sandbox/generator') | null = null;
	try {
		mapper = await import('../core/mijnwebwinkel/to-canonical');
		generator = await import('../sandbox/generator');
	} catch (error) {
		process.stdout.write(`2. skipped: the Mijnwebwinkel mapper or the shop generator is not available (${(error as Error).message})\n`);
	}
	if (mapper && generator) {
		const shop = generator.generateShop({ seed: 7, orderCount: 20_000, days: 365 });
		const ctx = { statuses: shop.statuses };
		const raw = shop.orders;
		for (let i = 0; i < 2_000; i++) count(tally(), () => buildInvoice(mapper.toCanonicalOrder(raw[i % raw.length], ctx), { clientnr: '1', tax_type: 'extax', tax_shifted: true }, MAPPING));
		const b = tally();
		t0 = performance.now();
		for (let i = 0; i < COUNT; i++) {
			count(b, () => {
				const order = mapper.toCanonicalOrder(raw[i % raw.length], ctx);
				return buildInvoice(order, debtorFor(order, i), MAPPING);
			});
		}
		report(`2. Mijnwebwinkel order → canonical → payload (${raw.length.toLocaleString('en')} generated orders, cycled)`, performance.now() - t0, b);
	}
	printPeak();
}

function printPeak(): void {
	const peakMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(`peak memory (max RSS of the process, inputs included): ${peakMb.toFixed(0)} MB\n`);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});
