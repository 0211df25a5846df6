import { paymentMethodKey } from '../../../core/factuursturen/payment-method-key';
import {
	buildInvoice,
	fixedDebtorFor,
	ROUNDING_LINE_DESCRIPTION,
	type DebtorForInvoice,
} from '../../../core/factuursturen/invoice-builder';
import { parseMapping } from '../../../core/factuursturen/invoice-mapping';
import { expectedTotals } from '../../../core/factuursturen/arithmetic';
import { OrderRefusal } from '../../../core/errors';
import { evaluateInvoice } from '../../../sandbox/factuursturen/arithmetic';
import { makeOrder } from './order-factory';
import type { CanonicalOrder } from '../../../core/canonical-order';

const EXTAX: DebtorForInvoice = { clientnr: '58', tax_type: 'extax' };
const INTAX: DebtorForInvoice = { clientnr: '59', tax_type: 'intax' };
const mapping = parseMapping({});

function refusal(fn: () => unknown): OrderRefusal {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(OrderRefusal);
		return error as OrderRefusal;
	}
	throw new Error('expected an OrderRefusal, nothing was thrown');
}

/** the independent arithmetic must reproduce the order's total exactly and each rate's VAT within 1 cent */
function expectReconciles(
	order: CanonicalOrder,
	debtor: DebtorForInvoice,
	payload: ReturnType<typeof buildInvoice>,
) {
	const got = evaluateInvoice(payload.lines, debtor.tax_type, debtor.tax_shifted);
	expect(got.totalCents).toBe(order.totals.inclCents);
	for (const r of order.totals.perRate) {
		const vat = [...got.perRate.values()]
			.filter((g) => g.rate === r.rate)
			.reduce((a, g) => a + g.vatCents, 0);
		expect(Math.abs(vat - r.vatCents)).toBeLessThanOrEqual(1);
	}
	// the core's own prediction agrees with the independent one
	const predicted = expectedTotals(payload, debtor.tax_type, { taxShifted: debtor.tax_shifted });
	expect(predicted.totalInclCents).toBe(got.totalCents);
	expect(predicted.vatCents).toBe(got.taxCents);
}

// the API documentation's example order 1042: 2 × Mok 24.20 @21, Kookboek 19.95 @9, shipping 6.95 @21, iDEAL costs 0.35 @21
const order1042 = () =>
	makeOrder({
		number: '1042',
		lines: [
			{
				description: 'Mok blauw',
				quantity: 2,
				rate: '21',
				inclCents: 2420,
				exclMicros: 20_000_000,
			},
			{ description: 'Kookboek', rate: '9', inclCents: 1995, exclMicros: 18_302_752 },
			{
				kind: 'shipping',
				description: 'Verzendkosten',
				rate: '21',
				inclCents: 695,
				exclMicros: 5_743_802,
			},
			{
				kind: 'payment',
				description: 'Transactiekosten iDEAL',
				rate: '21',
				inclCents: 35,
				exclMicros: 289_256,
			},
		],
		vat: { '21': 547, '9': 165 },
	});

describe('buildInvoice — payload shape', () => {
	it('builds the paid invoice for order 1042 for an extax debtor (prices excl. VAT)', () => {
		const order = order1042();
		const payload = buildInvoice(order, EXTAX, mapping);
		expect(payload).toEqual({
			clientnr: '58',
			action: 'send',
			sendmethod: 'mail',
			reference: { line1: 'Bestelling 1042', line2: 'Besteldatum 01-03-2025', line3: '' },
			lines: [
				{ amount: 2, description: 'Mok blauw', tax_rate: '21', price: '10.00', discount_pct: 0 },
				{ amount: 1, description: 'Kookboek', tax_rate: '9', price: '18.30', discount_pct: 0 },
				{ amount: 1, description: 'Verzendkosten', tax_rate: '21', price: '5.74', discount_pct: 0 },
				{
					amount: 1,
					description: 'Transactiekosten iDEAL',
					tax_rate: '21',
					price: '0.29',
					discount_pct: 0,
				},
			],
			alreadypaid: 'full',
			alreadypaidmethod: 'iDEAL',
		});
		expectReconciles(order, EXTAX, payload);
	});

	it('sends prices incl. VAT to an intax debtor and still lands on the same totals', () => {
		const order = order1042();
		const payload = buildInvoice(order, INTAX, mapping);
		expect(payload.lines.map((l) => [l.amount, l.price])).toEqual([
			[2, '12.10'],
			[1, '19.95'],
			[1, '6.95'],
			[1, '0.35'],
		]);
		expectReconciles(order, INTAX, payload);
	});

	it('never puts a float in the payload: money as decimal strings, quantities as integers', () => {
		const payload = buildInvoice(order1042(), EXTAX, mapping);
		for (const line of payload.lines) {
			expect(Number.isInteger(line.amount)).toBe(true);
			expect(line.price).toMatch(/^-?\d+\.\d{2,6}$/);
			expect(typeof line.tax_rate).toBe('string');
		}
	});

	it('uses category by regime, profile, send method, reference line 3 and payment labels from the mapping', () => {
		const m = parseMapping({
			categories: { domestic: 7 },
			profile: '2',
			sendMethod: 'email',
			referenceLine3: 'Webshop',
			paymentMethodLabels: { IDEAL: 'iDEAL via Mollie' },
		});
		const payload = buildInvoice(order1042(), EXTAX, m);
		expect(payload.category).toBe('7');
		expect(payload.profile).toBe('2');
		expect(payload.sendmethod).toBe('email');
		expect(payload.reference.line3).toBe('Webshop');
		expect(payload.alreadypaidmethod).toBe('iDEAL via Mollie');
	});

	it("falls back to the shop's payment method name, then the gateway, for unknown methods", () => {
		const o = makeOrder({ lines: [{ rate: '21', inclCents: 1000 }], paymentMethod: 'wero' });
		expect(buildInvoice(o, EXTAX, mapping).alreadypaidmethod).toBe('wero');
		const blank = { ...o, payment: { method: '', gateway: 'sumup', status: '' } };
		expect(buildInvoice(blank, EXTAX, mapping).alreadypaidmethod).toBe('sumup');
	});

	it('marks the parts of a line the shop split over rates, and names the discount code', () => {
		const order = makeOrder({
			discountCode: 'ZOMER',
			lines: [
				{ description: 'Mok', rate: '21', inclCents: 2420 },
				{ description: 'Boek', rate: '9', inclCents: 2000 },
				{
					kind: 'discount',
					description: 'Korting',
					rate: '21',
					inclCents: -242,
					sourceLineId: 'd1',
				},
				{
					kind: 'discount',
					description: 'Korting',
					rate: '9',
					inclCents: -200,
					sourceLineId: 'd1',
				},
			],
		});
		const payload = buildInvoice(order, EXTAX, mapping);
		expect(payload.lines.slice(2).map((l) => l.description)).toEqual([
			'Korting (kortingscode ZOMER) (deel 21% btw)',
			'Korting (kortingscode ZOMER) (deel 9% btw)',
		]);
		expect(payload.lines[2].price.startsWith('-')).toBe(true);
		expectReconciles(order, EXTAX, payload);
	});
});

describe('buildInvoice — rounding', () => {
	it('€10.00 at 21 % cannot be reached by an extax invoice: VAT exact plus a visible 1-cent rounding line', () => {
		// no cent base X gives X + round(0.21·X) = 1000 (826 → 999, 827 → 1001)
		const order = makeOrder({ lines: [{ description: 'Poster', rate: '21', inclCents: 1000 }] });
		expect(order.totals.perRate[0].vatCents).toBe(174);
		const payload = buildInvoice(order, EXTAX, mapping);
		expect(payload.lines).toEqual([
			{ amount: 1, description: 'Poster', tax_rate: '21', price: '8.27', discount_pct: 0 },
			{
				amount: 1,
				description: ROUNDING_LINE_DESCRIPTION,
				tax_rate: '0',
				price: '-0.01',
				discount_pct: 0,
			},
		]);
		const got = evaluateInvoice(payload.lines, 'extax');
		expect(got.totalCents).toBe(1000);
		expect(got.perRate.get('21')?.vatCents).toBe(174);
	});

	it('the same order for an intax debtor needs no rounding line', () => {
		const order = makeOrder({ lines: [{ description: 'Poster', rate: '21', inclCents: 1000 }] });
		const payload = buildInvoice(order, INTAX, mapping);
		expect(payload.lines).toEqual([
			{ amount: 1, description: 'Poster', tax_rate: '21', price: '10.00', discount_pct: 0 },
		]);
	});

	it('€10.10 at 21 % (VAT 1.75) comes out exact without a rounding line', () => {
		const order = makeOrder({ lines: [{ rate: '21', inclCents: 1010 }] });
		const payload = buildInvoice(order, EXTAX, mapping);
		expect(payload.lines.map((l) => l.price)).toEqual(['8.35']);
		expectReconciles(order, EXTAX, payload);
	});

	it("prefers an exact total with VAT 1 cent off over a rounding line, when the shop's VAT allows it", () => {
		// shop rounded VAT per line: 3 × 0.99 incl @21 → VAT 0.17 each = 0.51; per rate from gross 2.97 → 0.52
		const order = makeOrder({
			lines: [1, 2, 3].map(() => ({ rate: '21', inclCents: 99 })),
			vat: { '21': 51 },
		});
		const payload = buildInvoice(order, INTAX, mapping);
		const got = evaluateInvoice(payload.lines, 'intax');
		expect(got.totalCents).toBe(297);
		expect(got.perRate.get('21')?.vatCents).toBe(52);
		expect(payload.lines.some((l) => l.description === ROUNDING_LINE_DESCRIPTION)).toBe(false);
	});

	it('uses 3-decimal unit prices when the quantity does not divide the line', () => {
		const order = makeOrder({
			lines: [{ description: 'Kaart', quantity: 3, rate: '21', inclCents: 1000 }],
		});
		const intax = buildInvoice(order, INTAX, mapping);
		expect(intax.lines).toEqual([
			{ amount: 3, description: 'Kaart', tax_rate: '21', price: '3.333', discount_pct: 0 },
		]);
		expectReconciles(order, INTAX, intax);
	});

	it('splits a line into (n − 1) + 1 units when no unit price with the allowed decimals fits', () => {
		const order = makeOrder({
			lines: [{ description: 'Zakje', quantity: 30, rate: '21', inclCents: 100 }],
		});
		const payload = buildInvoice(order, INTAX, mapping);
		expect(payload.lines).toEqual([
			{ amount: 29, description: 'Zakje', tax_rate: '21', price: '0.033', discount_pct: 0 },
			{ amount: 1, description: 'Zakje', tax_rate: '21', price: '0.04', discount_pct: 0 },
		]);
		expectReconciles(order, INTAX, payload);
		// with 6 decimals one line is enough
		const six = buildInvoice(order, INTAX, parseMapping({ priceDecimals: 6 }));
		expect(six.lines).toEqual([
			{ amount: 30, description: 'Zakje', tax_rate: '21', price: '0.033333', discount_pct: 0 },
		]);
	});

	it("refuses (vat_mismatch) when the shop's VAT is far from its own amounts, e.g. doubled VAT", () => {
		const order = makeOrder({ lines: [{ rate: '21', inclCents: 12100 }], vat: { '21': 4200 } });
		const r = refusal(() => buildInvoice(order, EXTAX, mapping));
		expect(r.code).toBe('vat_mismatch');
		expect(r.hint).toMatch(/Mijnwebwinkel/);
	});

	it('maxRoundingCents bounds the rounding line: 0 refuses the €10.00 extax trap', () => {
		const order = makeOrder({ lines: [{ rate: '21', inclCents: 1000 }] });
		expect(
			refusal(() => buildInvoice(order, EXTAX, parseMapping({ maxRoundingCents: 0 }))).code,
		).toBe('vat_mismatch');
	});

	it('refuses a needed rounding line when 0 % is not mapped, naming the key to add', () => {
		const order = makeOrder({ lines: [{ rate: '21', inclCents: 1000 }] });
		const r = refusal(() => buildInvoice(order, EXTAX, parseMapping({ vatRates: { '21': '21' } })));
		expect(r.code).toBe('unmapped_vat_rate');
		expect(r.hint).toContain('"0": "0"');
	});
});

describe('buildInvoice — VAT regimes', () => {
	it('refuses an unmapped shop rate and names the mapping key', () => {
		const order = makeOrder({ lines: [{ rate: '13', inclCents: 1130 }] });
		const r = refusal(() => buildInvoice(order, EXTAX, mapping));
		expect(r.code).toBe('unmapped_vat_rate');
		expect(r.message).toContain('13 %');
		expect(r.hint).toContain('"13": "13"');
		expect(r.orderNumber).toBe('1001');
	});

	const rc = (vatNumber: string) =>
		makeOrder({
			regime: 'intra_eu_reverse_charge',
			taxCountry: null,
			vatNumber,
			lines: [{ rate: '0', inclCents: 5000 }],
		});

	it('reverse charge without a VAT number is refused with a hint to add it in Mijnwebwinkel', () => {
		const r = refusal(() => buildInvoice(rc(''), { ...EXTAX, tax_shifted: true }, mapping));
		expect(r.code).toBe('reverse_charge_without_vat_number');
		expect(r.hint).toMatch(/VAT number.*Mijnwebwinkel/);
	});

	it('reverse charge with a VAT number that cannot be an EU VAT id is refused, pointing at VIES', () => {
		for (const bad of ['GB123456789', 'DE12345', 'BE0123456748', '123456789']) {
			const r = refusal(() => buildInvoice(rc(bad), { ...EXTAX, tax_shifted: true }, mapping));
			expect([bad, r.code]).toEqual([bad, 'invalid_vat_number']);
			expect(r.hint).toContain('VIES');
		}
		expect(
			buildInvoice(rc('BE0123456749'), { ...EXTAX, tax_shifted: true }, mapping).lines,
		).toHaveLength(1);
	});

	it('reverse charge on an existing debtor without tax_shifted is refused (debtors are never modified)', () => {
		const r = refusal(() => buildInvoice(rc('DE123456789'), EXTAX, mapping));
		expect(r.code).toBe('debtor_not_tax_shifted');
		expect(r.hint).toContain('never modified');
	});

	it('reverse charge with a different VAT number on the debtor is refused', () => {
		const r = refusal(() =>
			buildInvoice(
				rc('DE123456789'),
				{ ...EXTAX, tax_shifted: true, taxnumber: 'DE999999999' },
				mapping,
			),
		);
		expect(r.code).toBe('debtor_vat_number_mismatch');
	});

	it('reverse charge: 0 % lines, the reverse-charge note with the VAT number, category by regime', () => {
		const debtor = { ...EXTAX, tax_shifted: true, taxnumber: 'de 123.456.789' };
		const payload = buildInvoice(
			rc('DE123456789'),
			debtor,
			parseMapping({ categories: { intra_eu_reverse_charge: '3' } }),
		);
		expect(payload.lines).toEqual([
			{ amount: 1, description: 'Artikel 1', tax_rate: '0', price: '50.00', discount_pct: 0 },
		]);
		expect(payload.reference.line3).toBe(
			'Intracommunautaire levering, btw verlegd. Btw-nummer afnemer: DE123456789',
		);
		expect(payload.category).toBe('3');
	});

	it('a VAT-bearing order on a tax_shifted debtor is refused: Factuursturen would drop the VAT', () => {
		const r = refusal(() => buildInvoice(order1042(), { ...EXTAX, tax_shifted: true }, mapping));
		expect(r.code).toBe('debtor_tax_shifted_conflict');
	});

	it('a 0 % regime with VAT-bearing lines is refused', () => {
		const order = makeOrder({
			regime: 'export',
			taxCountry: null,
			lines: [{ rate: '21', inclCents: 1210 }],
		});
		expect(refusal(() => buildInvoice(order, EXTAX, mapping)).code).toBe('regime_rate_conflict');
	});

	it('export: 0 % lines and the export note', () => {
		const order = makeOrder({
			regime: 'export',
			taxCountry: null,
			lines: [
				{ rate: '0', inclCents: 4500 },
				{ kind: 'shipping', rate: '0', inclCents: 1500 },
			],
		});
		const payload = buildInvoice(order, EXTAX, mapping);
		expect(payload.lines.map((l) => [l.tax_rate, l.price])).toEqual([
			['0', '45.00'],
			['0', '15.00'],
		]);
		expect(payload.reference.line3).toBe('Uitvoer buiten de EU, 0% btw');
	});

	const oss = () =>
		makeOrder({
			regime: 'oss',
			taxCountry: 'DE',
			lines: [
				{ rate: '19', inclCents: 11900 },
				{ kind: 'shipping', rate: '19', inclCents: 595 },
				{ rate: '7', inclCents: 1070 },
			],
		});

	it('OSS: a destination rate that is not mapped is refused naming "DE:19" and where to map it', () => {
		const r = refusal(() =>
			buildInvoice(oss(), EXTAX, parseMapping({ ossVatRates: { 'DE:7': '7' } })),
		);
		expect(r.code).toBe('unmapped_oss_rate');
		expect(r.message).toContain('"DE:19"');
		expect(r.hint).toContain('ossVatRates');
	});

	it('OSS: lines carry tax_country and the destination rates', () => {
		const order = oss();
		const payload = buildInvoice(
			order,
			EXTAX,
			parseMapping({ ossVatRates: { 'de:19': '19', 'DE:7': 7 } }),
		);
		expect(payload.lines.map((l) => [l.tax_rate, l.tax_country, l.price])).toEqual([
			['19', true, '100.00'],
			['19', true, '5.00'],
			['7', true, '10.00'],
		]);
		expect(payload.reference.line3).toBe('Btw Duitsland (OSS/Unieregeling)');
		expectReconciles(order, EXTAX, payload);
	});
});

describe('buildInvoice — credit orders and guards', () => {
	it('a credit order gets negative lines and names the original order', () => {
		const order = makeOrder({
			number: '1050',
			credit: true,
			creditsOrderNumber: '1042',
			lines: [
				{ description: 'Mok blauw', quantity: 2, rate: '21', inclCents: -2420 },
				{ kind: 'shipping', description: 'Verzendkosten', rate: '21', inclCents: -695 },
			],
		});
		for (const debtor of [EXTAX, INTAX]) {
			const payload = buildInvoice(order, debtor, mapping);
			expect(payload.reference.line1).toBe('Bestelling 1050');
			expect(payload.reference.line2).toBe(
				'Besteldatum 01-03-2025 - Creditnota voor bestelling 1042',
			);
			expect(payload.lines.every((l) => l.amount > 0 && l.price.startsWith('-'))).toBe(true);
			expectReconciles(order, debtor, payload);
		}
	});

	it('a credit note names the original invoice when it is given', () => {
		const credit = makeOrder({
			number: '1043',
			credit: true,
			creditsOrderNumber: '1042',
			lines: [{ rate: '21', inclCents: -1210 }],
		});
		expect(
			buildInvoice(credit, EXTAX, mapping, { originalInvoiceNumber: ' F2025042 ' }).reference.line2,
		).toBe('Besteldatum 01-03-2025 - Creditnota op factuur F2025042 (bestelling 1042)');
		// not for a normal order
		expect(
			buildInvoice(order1042(), EXTAX, mapping, { originalInvoiceNumber: 'F1' }).reference.line2,
		).toBe('Besteldatum 01-03-2025');
	});

	it('refuses a credit order with a positive total and a normal order with a negative one', () => {
		const positiveCredit = makeOrder({
			credit: true,
			creditsOrderNumber: '1',
			lines: [{ rate: '21', inclCents: 100 }],
		});
		expect(refusal(() => buildInvoice(positiveCredit, EXTAX, mapping)).code).toBe(
			'credit_sign_conflict',
		);
		const negative = makeOrder({ lines: [{ rate: '21', inclCents: -100 }] });
		expect(refusal(() => buildInvoice(negative, EXTAX, mapping)).code).toBe('credit_sign_conflict');
	});

	it('refuses test orders, other currencies, empty orders and figures that do not add up', () => {
		expect(
			refusal(() =>
				buildInvoice(
					makeOrder({ isTest: true, number: 'T-5', lines: [{ rate: '21', inclCents: 100 }] }),
					EXTAX,
					mapping,
				),
			).code,
		).toBe('test_order');
		expect(
			refusal(() =>
				buildInvoice(
					makeOrder({ currency: 'USD', lines: [{ rate: '21', inclCents: 100 }] }),
					EXTAX,
					mapping,
				),
			).code,
		).toBe('unsupported_currency');
		const empty = makeOrder({ lines: [] });
		expect(refusal(() => buildInvoice(empty, EXTAX, mapping)).code).toBe('empty_order');
		const o = makeOrder({ lines: [{ rate: '21', inclCents: 100 }] });
		const broken = {
			...o,
			totals: { ...o.totals, perRate: [{ ...o.totals.perRate[0], inclCents: 101 }] },
		};
		expect(refusal(() => buildInvoice(broken, EXTAX, mapping)).code).toBe('inconsistent_order');
		const vatAtZero = makeOrder({ lines: [{ rate: '0', inclCents: 100 }], vat: { '0': 5 } });
		expect(refusal(() => buildInvoice(vatAtZero, EXTAX, mapping)).code).toBe('inconsistent_order');
	});

	it('rejects a malformed debtor as a programming error, not as an order refusal', () => {
		expect(() => buildInvoice(order1042(), { clientnr: '', tax_type: 'extax' }, mapping)).toThrow(
			TypeError,
		);
		expect(() =>
			buildInvoice(order1042(), { clientnr: '5', tax_type: 'gross' as 'extax' }, mapping),
		).toThrow(TypeError);
	});
});

describe('splitUnsplitCosts (BDO proportional rule)', () => {
	// goods: 100.00 excl @21 (121.00) and 100.00 excl @9 (109.00); shipping 6.05 @21 not split by the shop
	const mixed = () =>
		makeOrder({
			lines: [
				{ description: 'Mok', rate: '21', inclCents: 12100 },
				{ description: 'Boek', rate: '9', inclCents: 10900 },
				{ kind: 'shipping', description: 'Verzendkosten', rate: '21', inclCents: 605 },
			],
		});

	it('is off by default: the costs stay at the rate the shop charged', () => {
		const payload = buildInvoice(mixed(), EXTAX, mapping);
		expect(payload.lines.map((l) => [l.description, l.tax_rate, l.price])).toEqual([
			['Mok', '21', '100.00'],
			['Boek', '9', '100.00'],
			['Verzendkosten', '21', '5.00'],
		]);
	});

	it("when on, splits unsplit shipping 50/50 by the goods' value excl. VAT, keeping the gross", () => {
		const payload = buildInvoice(mixed(), EXTAX, parseMapping({ splitUnsplitCosts: true }));
		expect(payload.lines.map((l) => [l.description, l.tax_rate, l.price])).toEqual([
			['Mok', '21', '100.00'],
			['Boek', '9', '100.00'],
			['Verzendkosten (deel 21% btw)', '21', '2.50'], // 3.03 incl: 2.504 excl
			['Verzendkosten (deel 9% btw)', '9', '2.77'], // 3.02 incl: 2.7706 excl
		]);
		const got = evaluateInvoice(payload.lines, 'extax');
		expect(got.totalCents).toBe(23605);
		expect(got.perRate.get('21')?.vatCents).toBe(2100 + 53);
		expect(got.perRate.get('9')?.vatCents).toBe(900 + 25);
	});
});

describe('fixedDebtorFor', () => {
	const m = parseMapping({ paymentMethodDebtors: { Cash: '900', pin: 901 } });
	it('maps a payment method (case-insensitive) to a fixed clientnr', () => {
		expect(fixedDebtorFor(makeOrder({ lines: [], paymentMethod: 'cash' }), m)).toBe('900');
		expect(fixedDebtorFor(makeOrder({ lines: [], paymentMethod: 'PIN' }), m)).toBe('901');
	});
	it('returns null for other methods or without a mapping', () => {
		expect(fixedDebtorFor(makeOrder({ lines: [], paymentMethod: 'ideal' }), m)).toBeNull();
		expect(fixedDebtorFor(makeOrder({ lines: [], paymentMethod: 'cash' }), mapping)).toBeNull();
	});
	it('keys and methods meet under one rule: case and surrounding or doubled spaces do not count', () => {
		const spaced = parseMapping({ paymentMethodDebtors: { ' Bank  Transfer ': '902' } });
		expect(paymentMethodKey(' Bank  Transfer ')).toBe('bank transfer');
		expect(fixedDebtorFor(makeOrder({ lines: [], paymentMethod: 'bank transfer' }), spaced)).toBe(
			'902',
		);
		expect(
			fixedDebtorFor(makeOrder({ lines: [], paymentMethod: 'bank_transfer' }), spaced),
		).toBeNull();
	});
});

describe('buildInvoice — OSS debtor country', () => {
	const COUNTRIES = [
		{ id: '146', name: 'Nederland' },
		{ id: '50', name: 'Duitsland' },
	];
	const oss = makeOrder({
		number: '7100',
		regime: 'oss',
		taxCountry: 'DE',
		lines: [{ rate: '19', inclCents: 1190 }],
	});
	const ossMapping = parseMapping({ ossVatRates: { 'DE:19': '19' } });

	it('a debtor in the OSS country (by id, or by ISO code) passes', () => {
		expect(
			buildInvoice(oss, { ...EXTAX, country: '50' }, ossMapping, { countries: COUNTRIES }).lines[0],
		).toMatchObject({ tax_rate: '19', tax_country: true });
		expect(() => buildInvoice(oss, { ...EXTAX, country: 'de' }, ossMapping)).not.toThrow();
	});

	it('a debtor in another country is refused with oss_debtor_country_mismatch, naming both countries', () => {
		const r = refusal(() =>
			buildInvoice(oss, { ...EXTAX, country: '146' }, ossMapping, { countries: COUNTRIES }),
		);
		expect(r.code).toBe('oss_debtor_country_mismatch');
		expect(r.message).toContain('Nederland (country id 146)');
		expect(r.hint).toContain('delivery country (DE)');
	});

	it('an unknown debtor country is not checked; a known id without the country list is a programming error', () => {
		expect(() => buildInvoice(oss, EXTAX, ossMapping)).not.toThrow();
		expect(() => buildInvoice(oss, { ...EXTAX, country: '146' }, ossMapping)).toThrow(TypeError);
	});

	it('a domestic order ignores the debtor country', () => {
		expect(() =>
			buildInvoice(order1042(), { ...EXTAX, country: '50' }, mapping, { countries: COUNTRIES }),
		).not.toThrow();
	});
});

describe('buildInvoice — texts and debtors', () => {
	it('zero_rated carries its reason: "Nultarief (0% btw)" or the mapped zeroRatedNote', () => {
		const zero = makeOrder({
			number: '7200',
			regime: 'zero_rated',
			taxCountry: null,
			lines: [{ rate: '0', inclCents: 100000 }],
		});
		expect(buildInvoice(zero, EXTAX, mapping).reference.line3).toBe('Nultarief (0% btw)');
		expect(
			buildInvoice(
				zero,
				EXTAX,
				parseMapping({ zeroRatedNote: '0% btw: nultarief zonnepanelen bij woning' }),
			).reference.line3,
		).toBe('0% btw: nultarief zonnepanelen bij woning');
	});

	it('a shop line split over 5.5 % is described in Dutch notation', () => {
		const o = makeOrder({
			number: '7201',
			lines: [
				{ rate: '9', inclCents: 1090 },
				{
					kind: 'shipping',
					description: 'Verzending',
					rate: '9',
					inclCents: 109,
					sourceLineId: 's',
				},
				{
					kind: 'shipping',
					description: 'Verzending',
					rate: '21',
					inclCents: 121,
					sourceLineId: 's',
				},
			],
		});
		expect(buildInvoice(o, EXTAX, mapping).lines.map((l) => l.description)).toContain(
			'Verzending (deel 21% btw)',
		);
		const five = makeOrder({
			number: '7202',
			regime: 'oss',
			taxCountry: 'FR',
			lines: [
				{ rate: '5.5', inclCents: 1055, sourceLineId: 'x', description: 'Port' },
				{ rate: '20', inclCents: 120, sourceLineId: 'x', description: 'Port' },
			],
		});
		expect(
			buildInvoice(five, EXTAX, parseMapping({ ossVatRates: { 'FR:5.5': '5.5', 'FR:20': '20' } }))
				.lines[0].description,
		).toBe('Port (deel 5,5% btw)');
	});

	it('a business customer is never booked on a fixed payment-method debtor', () => {
		const m = parseMapping({ paymentMethodDebtors: { pin: '900' } });
		expect(
			fixedDebtorFor(
				makeOrder({
					number: '7203',
					paymentMethod: 'pin',
					lines: [{ rate: '21', inclCents: 100 }],
				}),
				m,
			),
		).toBe('900');
		expect(
			fixedDebtorFor(
				makeOrder({
					number: '7204',
					paymentMethod: 'pin',
					company: 'Bakkerij BV',
					lines: [{ rate: '21', inclCents: 100 }],
				}),
				m,
			),
		).toBeNull();
		expect(
			fixedDebtorFor(
				makeOrder({
					number: '7205',
					paymentMethod: 'pin',
					vatNumber: 'NL851234567B01',
					lines: [{ rate: '21', inclCents: 100 }],
				}),
				m,
			),
		).toBeNull();
	});

	it('a refunded credit is paid as "Terugbetaald (<method>)"', () => {
		const credit = makeOrder({
			number: '7206',
			credit: true,
			creditsOrderNumber: '7000',
			lines: [{ rate: '21', inclCents: -1210 }],
		});
		const refunded = { ...credit, payment: { ...credit.payment, status: 'refunded' } };
		expect(buildInvoice(refunded, EXTAX, mapping).alreadypaidmethod).toBe('Terugbetaald (iDEAL)');
	});
});

describe('buildInvoice — long texts and the customer reference', () => {
	it('a 10 kB line description is shortened to the limit, ending "...", instead of sending the invoice to fail', () => {
		const order = makeOrder({
			number: '7001',
			lines: [{ rate: '21', inclCents: 1210, description: 'Zeer lange omschrijving '.repeat(500) }],
		});
		const payload = buildInvoice(order, EXTAX, mapping);
		expect(Buffer.byteLength(payload.lines[0].description)).toBeLessThanOrEqual(10_000);
		expect(payload.lines[0].description).toMatch(/^Zeer lange omschrijving .*\.\.\.$/);
	});

	it("the customer's own reference (a purchase order number) is on the invoice in line2, capped at 255", () => {
		const po = makeOrder({
			number: '7002',
			customerReference: 'PO-4471',
			lines: [{ rate: '21', inclCents: 1210 }],
		});
		expect(buildInvoice(po, EXTAX, mapping).reference.line2).toMatch(/ - Uw referentie: PO-4471$/);
		const long = makeOrder({
			number: '7003',
			customerReference: 'R'.repeat(255),
			lines: [{ rate: '21', inclCents: 1210 }],
		});
		expect(buildInvoice(long, EXTAX, mapping).reference.line2.length).toBeLessThanOrEqual(255);
		expect(
			buildInvoice(
				makeOrder({ number: '7004', lines: [{ rate: '21', inclCents: 1210 }] }),
				EXTAX,
				mapping,
			).reference.line2,
		).not.toContain('referentie');
	});
});
