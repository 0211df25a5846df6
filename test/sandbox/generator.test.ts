/**
 * The seeded shop generator: deterministic, arithmetically consistent like the real API, and covering every
 * case an invoicing run must meet. The checks recompute everything from the decimal strings with core/money,
 * independently of the generator's own arithmetic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCents, parseMicros, parseRateHundredths, roundDiv } from '../../core/money';
import {
	COUNTRIES,
	generateShop,
	type GeneratedShop,
	type MwwOrder,
	type MwwTaxPrice,
	type ShopCategory,
} from '../../sandbox/generator';

const asArray = (p: MwwTaxPrice | MwwTaxPrice[]): MwwTaxPrice[] => (Array.isArray(p) ? p : [p]);
const gross = (netMicros: number, rateH: number): number =>
	roundDiv(BigInt(netMicros) * BigInt(10_000 + rateH), 100_000_000);
const n = (o: MwwOrder): string => String(o.number);

const FS_COUNTRY_IDS = new Set(
	(
		JSON.parse(
			readFileSync(join(__dirname, '../../sandbox/factuursturen/countrylist.json'), 'utf8'),
		) as Array<{ id: string }>
	).map((c) => c.id),
);

describe('generateShop', () => {
	let big: GeneratedShop;
	beforeAll(() => {
		big = generateShop({ seed: 11, orderCount: 1500 });
	});

	it('is deterministic per seed and differs between seeds', () => {
		const a = generateShop({ seed: 5, orderCount: 150 });
		const b = generateShop({ seed: 5, orderCount: 150 });
		const c = generateShop({ seed: 6, orderCount: 150 });
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(JSON.stringify(a.orders)).not.toBe(JSON.stringify(c.orders));
		expect(a.orders).toHaveLength(150);
	});

	it('keeps every order arithmetically consistent (lines, totals, VAT per rate)', () => {
		// problems are collected and asserted once: hundreds of thousands of expect() calls would be slow
		const problems: string[] = [];
		const check = (ok: boolean, what: string): void => {
			if (!ok) problems.push(what);
		};
		for (const seed of [1, 2, 3]) {
			const shop = seed === 1 ? big : generateShop({ seed, orderCount: 300 });
			for (const o of shop.orders) {
				const at = `seed ${seed} order ${n(o)}`;
				const perRate = new Map<number, { gross: number; net: number }>();
				let total = 0;
				for (const line of o.orderlines) {
					for (const p of asArray(line.price)) {
						check(/^-?\d+\.\d{6}$/.test(p.amount), `${at}: amount ${p.amount} needs 6 decimals`);
						check(
							/^-?\d+\.\d{2}$/.test(p.amount_including_tax ?? ''),
							`${at}: amount_including_tax ${p.amount_including_tax} needs 2 decimals`,
						);
						check(/^\d+\.\d{2}$/.test(p.rate), `${at}: rate ${p.rate}`);
						const rateH = parseRateHundredths(p.rate);
						const net = parseMicros(p.amount);
						const g = parseCents(p.amount_including_tax);
						// the gross is the 6-decimal net plus VAT, rounded once
						check(
							gross(net, rateH) === g,
							`${at}: ${p.amount} at ${p.rate} % is not ${p.amount_including_tax} incl. VAT`,
						);
						const t = perRate.get(rateH) ?? { gross: 0, net: 0 };
						t.gross += g;
						t.net += net;
						perRate.set(rateH, t);
						total += g;
					}
					if (line.type === 'article') {
						const art = line.articles![0];
						const unit =
							parseMicros(art.price.amount) +
							(art.options ?? []).reduce((s, x) => s + parseMicros(x.price.amount), 0);
						check(
							parseMicros(asArray(line.price)[0].amount) === unit * line.quantity,
							`${at}: line ${line.id} net is not quantity × unit`,
						);
					}
					if (line.type === 'discount') {
						check(Array.isArray(line.price), `${at}: discount price must be an array`);
						for (const p of asArray(line.price))
							check(parseCents(p.amount_including_tax) < 0, `${at}: discount must be negative`);
					}
				}
				check(
					parseCents(o.price.total) === total,
					`${at}: total ${o.price.total} is not the sum of the lines`,
				);
				const tax = asArray(o.price.tax);
				check(
					JSON.stringify(tax.map((t) => parseRateHundredths(t.rate)).sort((a, b) => a - b)) ===
						JSON.stringify([...perRate.keys()].sort((a, b) => a - b)),
					`${at}: price.tax rates differ from the line rates`,
				);
				for (const t of tax) {
					const rateH = parseRateHundredths(t.rate);
					const r = perRate.get(rateH);
					if (!r) continue;
					const vat = parseCents(t.amount);
					check(/^-?\d+\.\d{2}$/.test(t.amount), `${at}: tax amount ${t.amount}`);
					// VAT = Σ gross − Σ net at 2 decimals; and within a cent of VAT computed on the gross sum
					check(
						vat === r.gross - roundDiv(r.net, 10_000),
						`${at}: VAT ${t.amount} at ${t.rate} % ≠ gross − net`,
					);
					check(
						Math.abs(vat - roundDiv(r.gross * rateH, 10_000 + rateH)) <= 1,
						`${at}: VAT ${t.amount} at ${t.rate} % off by more than a cent`,
					);
				}
			}
		}
		expect(problems.slice(0, 20)).toEqual([]);
	});

	it('applies the right VAT regime per order kind', () => {
		const byNumber = new Map(big.orders.map((o) => [n(o), o]));
		const of = (c: ShopCategory): MwwOrder[] =>
			(big.categories[c] ?? []).map((x) => byNumber.get(x)!);
		const rates = (o: MwwOrder): number[] => [
			...new Set(
				o.orderlines.flatMap((l) => asArray(l.price).map((p) => parseRateHundredths(p.rate))),
			),
		];
		for (const o of [...of('domestic'), ...of('domesticB2B'), ...of('euHomeVat'), ...of('test')]) {
			expect(o.tax_region).toBe('NL');
			expect(o.tax_strategy).toBe('');
			for (const r of rates(o)) expect([2100, 900, 0]).toContain(r);
		}
		for (const o of of('domestic')) expect(o.debtor.address.invoice.country_code).toBe('NL');
		for (const o of of('domesticB2B'))
			expect(o.debtor.address.invoice.taxnumber).toMatch(/^NL\d{9}B\d{2}$/);
		for (const o of of('euHomeVat'))
			expect(['BE', 'DE']).toContain(o.debtor.address.invoice.country_code);
		for (const o of of('oss')) {
			const c = COUNTRIES[o.tax_region];
			expect(c.eu && c.iso !== 'NL').toBe(true);
			expect(o.debtor.address.invoice.country_code).toBe(o.tax_region);
			expect(o.business_model).toBe('B2C');
			for (const r of rates(o)) expect([c.standard, c.reduced, 0]).toContain(r);
		}
		expect(new Set(of('oss').map((o) => o.tax_region)).size).toBeGreaterThanOrEqual(5);
		for (const o of [...of('reverseCharge'), ...of('reverseChargeNoVat')]) {
			expect(o.tax_strategy).toBe('reverse_charged_vat');
			expect(o.business_model).toBe('B2B');
			expect(COUNTRIES[o.debtor.address.invoice.country_code!].eu).toBe(true);
			expect(o.debtor.address.invoice.country_code).not.toBe('NL');
			expect(rates(o)).toEqual([0]);
		}
		const vatFormat =
			/^(NL\d{9}B\d{2}|BE0\d{9}|DE\d{9}|FR\d{11}|ATU\d{8}|ESB\d{8}|IT\d{11}|LU\d{8}|PL\d{10})$/;
		for (const o of of('reverseCharge'))
			expect(o.debtor.address.invoice.taxnumber).toMatch(vatFormat);
		for (const o of of('reverseChargeNoVat'))
			expect(o.debtor.address.invoice.taxnumber ?? '').toBe('');
		for (const o of of('export')) {
			expect(o.tax_strategy).toBe('zero_percent');
			expect(['US', 'CH', 'NO', 'GB']).toContain(o.debtor.address.invoice.country_code);
			expect(rates(o)).toEqual([0]);
		}
	});

	it('splits shipping, payment costs and discounts over rates in proportion to the goods', () => {
		const byNumber = new Map(big.orders.map((o) => [n(o), o]));
		let checked = 0;
		for (const num of [
			...(big.categories.shipping_split ?? []),
			...(big.categories.discount ?? []),
		]) {
			const o = byNumber.get(num)!;
			const goods = new Map<string, number>();
			for (const l of o.orderlines.filter((x) => x.type === 'article' || x.type === 'custom')) {
				for (const p of asArray(l.price))
					if (p.rate !== '0.00')
						goods.set(p.rate, (goods.get(p.rate) ?? 0) + parseCents(p.amount_including_tax));
			}
			const goodsTotal = [...goods.values()].reduce((a, b) => a + b, 0);
			for (const l of o.orderlines.filter((x) => Array.isArray(x.price) && x.price.length > 1)) {
				const parts = asArray(l.price);
				const lineTotal = parts.reduce((s, p) => s + parseCents(p.amount_including_tax), 0);
				for (const p of parts) {
					// each share within a cent of the goods' proportion
					const expected = (lineTotal * goods.get(p.rate)!) / goodsTotal;
					expect(Math.abs(parseCents(p.amount_including_tax) - expected)).toBeLessThanOrEqual(1);
				}
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(50);
	});

	it('links credit orders to their originals and keeps their amounts positive', () => {
		const byNumber = new Map(big.orders.map((o) => [n(o), o]));
		const creditIds = new Set(big.statuses.filter((s) => s.credit_order).map((s) => s.status));
		expect(big.categories.credit.length).toBeGreaterThan(20);
		for (const num of big.categories.credit) {
			const c = byNumber.get(num)!;
			expect(creditIds.has(c.status)).toBe(true);
			const orig = byNumber.get(String(c.credited_order_number))!;
			expect(orig).toBeDefined();
			expect(orig.credit_order_numbers!.map(String)).toContain(num);
			expect(creditIds.has(orig.status)).toBe(false);
			expect(c.date >= orig.date).toBe(true);
			expect(Number(num)).toBeGreaterThan(Number(orig.number));
			expect(parseCents(c.price.total)).toBeGreaterThan(0);
			expect(c.debtor.email.trim().toLowerCase()).toBe(orig.debtor.email.trim().toLowerCase());
			expect(c.tax_strategy).toBe(orig.tax_strategy);
		}
	});

	it('numbers orders in placement order, test orders with a T- prefix, dates within the range', () => {
		const shop = generateShop({ seed: 4, orderCount: 400, today: '2025-07-15', days: 30 });
		expect(shop.from).toBe('2025-06-16');
		const regular = shop.orders.filter((o) => !n(o).startsWith('T-'));
		const tests = shop.orders.filter((o) => n(o).startsWith('T-'));
		expect(tests.length).toBeGreaterThan(0);
		for (const o of tests) expect(typeof o.number).toBe('string');
		expect(tests.every((o) => /^T-\d+$/.test(n(o)))).toBe(true);
		const moments = regular.map((o) => `${o.date} ${o.time}`);
		expect([...moments].sort()).toEqual(moments);
		for (const o of shop.orders) {
			expect(o.date >= '2025-06-16' && o.date <= '2025-07-15').toBe(true);
			expect(o.time >= '07:00:00' && o.time <= '23:59:59').toBe(true);
			expect(`${o.status_changed_date} ${o.status_changed_time}` >= `${o.date} ${o.time}`).toBe(
				true,
			);
			expect(o.status_changed_date <= '2025-07-15').toBe(true);
		}
	});

	it('contains every required category and shape variation', () => {
		const required: ShopCategory[] = [
			'domestic',
			'domesticB2B',
			'euHomeVat',
			'oss',
			'reverseCharge',
			'reverseChargeNoVat',
			'export',
			'test',
			'credit',
			'invoiceable',
			'not_invoiceable',
			'archived',
			'mixed_rates',
			'three_rates',
			'zero_rate_line',
			'shipping_line',
			'shipping_split',
			'payment_line',
			'payment_split',
			'discount',
			'action_price',
			'custom_line',
			'article_options',
			'accents',
			'apostrophe',
			'long_company',
			'long_street',
			'long_zipcode',
			'long_phone',
			'email_case',
			'email_whitespace',
			'repeat_customer',
			'registered_customer',
			'guest',
			'vat_number',
			'number_int',
			'number_string',
			'tax_object',
			'tax_array',
			'line_price_object',
			'line_price_array',
			'line_price_array_single',
			'country_empty',
			'delivery_absent',
			'delivery_present',
			'credited',
		];
		const shop = generateShop({ seed: 21, orderCount: 600 });
		for (const c of required) expect([c, (shop.categories[c] ?? []).length > 0]).toEqual([c, true]);
		// the categories say what the orders really hold
		const byNumber = new Map(shop.orders.map((o) => [n(o), o]));
		for (const x of shop.categories.long_street)
			expect(
				Object.values(byNumber.get(x)!.debtor.address).some((a) => (a?.street ?? '').length > 50),
			).toBe(true);
		for (const x of shop.categories.country_empty)
			expect(byNumber.get(x)!.shipping[0].country).toEqual([]);
		for (const x of shop.categories.delivery_absent)
			expect(byNumber.get(x)!.debtor.address.delivery).toBeUndefined();
		for (const x of shop.categories.number_int)
			expect(typeof byNumber.get(x)!.number).toBe('number');
		expect(
			shop.orders.some(
				(o) =>
					o.debtor.address.invoice.city === "'s-Hertogenbosch" ||
					o.debtor.address.delivery?.city === "'s-Hertogenbosch",
			),
		).toBe(true);
		// Action price options carry the negative difference to the regular price
		const action = byNumber.get(shop.categories.action_price[0])!;
		const opt = action.orderlines
			.flatMap((l) => l.articles ?? [])
			.flatMap((a) => a.options ?? [])
			.find((x) => x.description === 'Action price')!;
		expect(parseMicros(opt.price.amount)).toBeLessThan(0);
	});

	it('makes repeat customers appear with the same e-mail in different spellings', () => {
		const byEmail = new Map<string, Set<string>>();
		for (const o of big.orders) {
			const key = o.debtor.email.trim().toLowerCase();
			byEmail.set(key, (byEmail.get(key) ?? new Set()).add(o.debtor.email));
		}
		expect([...byEmail.values()].filter((s) => s.size > 1).length).toBeGreaterThan(10);
	});

	it('seeds existing Factuursturen debtors for about 40 % of the customers', () => {
		const emails = new Set(
			big.orders
				.filter((o) => !n(o).startsWith('T-'))
				.map((o) => o.debtor.email.trim().toLowerCase()),
		);
		const d = big.existingDebtors;
		expect(d.length / emails.size).toBeGreaterThan(0.3);
		expect(d.length / emails.size).toBeLessThan(0.5);
		expect(new Set(d.map((x) => x.tax_type))).toEqual(new Set(['extax', 'intax']));
		expect(d.some((x) => x.email !== x.email.toLowerCase())).toBe(true);
		expect(d.some((x) => x.taxnumber !== '')).toBe(true);
		for (const x of d) {
			expect(emails.has(x.email.toLowerCase())).toBe(true);
			expect(FS_COUNTRY_IDS.has(x.country)).toBe(true);
			expect(x.zipcode.length).toBeLessThanOrEqual(7);
			expect(x.taxnumber.length).toBeLessThanOrEqual(18);
			for (const f of [x.contact, x.company, x.address, x.city])
				expect(f.length).toBeLessThanOrEqual(50);
		}
		const ids = new Map(d.map((x) => [x.country, 0]));
		expect(ids.has('146') && ids.size >= 5).toBe(true);
	});

	it('resolves statuses by name from a given table', () => {
		const statuses = [
			{ status: 40, description: 'Betaald', credit_order: false },
			{ status: 41, description: 'Verzonden', credit_order: false },
			{ status: 42, description: 'Gecrediteerd', credit_order: true },
			{ status: 43, description: 'Bestelling in behandeling', credit_order: false },
		];
		const shop = generateShop({ seed: 2, orderCount: 120, statuses });
		for (const o of shop.orders) expect([40, 41, 42, 43]).toContain(o.status);
		for (const x of shop.categories.credit)
			expect(shop.orders.find((o) => n(o) === x)!.status).toBe(42);
	});

	it('honours the mix and rejects bad options with a clear message', () => {
		const onlyExport = generateShop({
			seed: 3,
			orderCount: 50,
			mix: {
				domestic: 0,
				domesticB2B: 0,
				euHomeVat: 0,
				oss: 0,
				reverseCharge: 0,
				reverseChargeNoVat: 0,
				test: 0,
				credit: 0,
			},
		});
		expect(onlyExport.orders.every((o) => o.tax_strategy === 'zero_percent')).toBe(true);
		// nothing to credit when every order is placed today: the credit's place goes to a regular order
		const oneDay = generateShop({ seed: 3, orderCount: 15, days: 1 });
		expect(oneDay.orders).toHaveLength(15);
		expect(oneDay.categories.credit).toBeUndefined();
		expect(generateShop({ orderCount: 0 }).orders).toEqual([]);
		expect(() => generateShop({ today: '2026-02-30' })).toThrow(
			/today "2026-02-30" is not a date; give it as YYYY-MM-DD/,
		);
		expect(() => generateShop({ days: 0 })).toThrow(/days must be a whole number/);
		expect(() => generateShop({ orderCount: -1 })).toThrow(/orderCount/);
	});
});
