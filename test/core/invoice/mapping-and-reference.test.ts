import { InvoiceMappingError, parseMapping } from '../../../core/factuursturen/invoice-mapping';
import { orderNumberFromReference, orderReference } from '../../../core/factuursturen/reference';
import { OrderRefusal } from '../../../core/errors';

function mappingError(input: unknown): string {
	try {
		parseMapping(input);
	} catch (error) {
		expect(error).toBeInstanceOf(InvoiceMappingError);
		return (error as Error).message;
	}
	throw new Error('expected InvoiceMappingError');
}

describe('parseMapping', () => {
	it('defaults: 21/9/0 and send method mail', () => {
		expect(parseMapping(undefined)).toEqual({
			vatRates: { '21': '21', '9': '9', '0': '0' },
			sendMethod: 'mail',
		});
		expect(parseMapping('')).toEqual(parseMapping({}));
	});

	it('normalises rates, OSS keys, ids and payment-method keys; accepts JSON text', () => {
		const m = parseMapping(
			JSON.stringify({
				vatRates: { '21.00': 21, '5,5': '5.50' },
				ossVatRates: { 'de:19': '19.0' },
				categories: { oss: 12 },
				paymentMethodDebtors: { ' Cash ': 900 },
				paymentMethodLabels: { IDEAL: 'iDEAL' },
				profile: 3,
				maxRoundingCents: 2,
				priceDecimals: 4,
				splitUnsplitCosts: true,
			}),
		);
		expect(m).toEqual({
			vatRates: { '21': '21', '5.5': '5.5' },
			ossVatRates: { 'DE:19': '19' },
			categories: { oss: '12' },
			paymentMethodDebtors: { cash: '900' },
			paymentMethodLabels: { ideal: 'iDEAL' },
			profile: '3',
			sendMethod: 'mail',
			maxRoundingCents: 2,
			priceDecimals: 4,
			splitUnsplitCosts: true,
		});
	});

	it('names the key that is wrong', () => {
		expect(mappingError({ vatRates: { '21': 'hoog' } })).toContain('vatRates.21');
		expect(mappingError({ vatRates: { hoog: '21' } })).toContain('vatRates."hoog"');
		expect(mappingError({ vatRates: { '21': '9' } })).toMatch(/vatRates."21".*same percentage/);
		expect(mappingError({ ossVatRates: { Germany: '19' } })).toMatch(
			/ossVatRates."Germany".*"DE:19"/,
		);
		expect(mappingError({ categories: { binnenland: '1' } })).toMatch(
			/categories."binnenland".*domestic/,
		);
		expect(mappingError({ sendMethod: 'fax' })).toContain('sendMethod');
		expect(mappingError({ vatrates: {} })).toMatch(/unknown key.*"vatrates".*allowed: vatRates/);
		expect(mappingError({ priceDecimals: 8 })).toContain('priceDecimals');
		expect(mappingError({ paymentMethodLabels: { ideal: 'x'.repeat(33) } })).toContain(
			'paymentMethodLabels.ideal',
		);
		expect(mappingError('{not json')).toContain('not valid JSON');
	});
});

describe('order reference (the idempotency key)', () => {
	it('round-trips order numbers exactly', () => {
		for (const n of ['1042', '1', 'T-1042', 'A.B/7_x', '00017']) {
			expect(orderNumberFromReference(orderReference(n))).toBe(n);
		}
		expect(orderReference('1042')).toBe('Bestelling 1042');
	});

	it('never mistakes another reference for this order (no substring matching)', () => {
		expect(orderNumberFromReference('Bestelling 104')).toBe('104');
		expect(orderNumberFromReference('Bestelling 1042 ')).toBeNull();
		expect(orderNumberFromReference(' Bestelling 1042')).toBeNull();
		expect(orderNumberFromReference('bestelling 1042')).toBeNull();
		expect(orderNumberFromReference('Bestelling #1042')).toBeNull();
		expect(orderNumberFromReference('Bestelling 1042 en 1043')).toBeNull();
		expect(orderNumberFromReference('Bestelling ')).toBeNull();
		expect(orderNumberFromReference('')).toBeNull();
		expect(orderNumberFromReference(1042)).toBeNull();
		expect(orderNumberFromReference(null)).toBeNull();
		expect(orderNumberFromReference(undefined)).toBeNull();
	});

	it('refuses order numbers that cannot be a reference', () => {
		for (const bad of ['', ' 1042', '10 42', 'x'.repeat(64), '-1']) {
			expect(() => orderReference(bad)).toThrow(OrderRefusal);
		}
	});
});
