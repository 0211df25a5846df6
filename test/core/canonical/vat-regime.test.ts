import { OrderRefusal } from '../../../core/errors';
import { decideVatRegime, type VatDecisionInput } from '../../../core/mijnwebwinkel/vat-regime';
import { EU_MEMBER_STATES, isEuMember } from '../../../core/vat/eu-countries';
import { EU_VAT_RATES_2026, isRateOf } from '../../../core/vat/rates';

const input = (over: Partial<VatDecisionInput>): VatDecisionInput => ({
	orderNumber: '7001',
	taxStrategy: '',
	taxRegion: 'NL',
	destinationCountry: 'NL',
	homeCountry: 'NL',
	chargedRates: ['21'],
	vatNumber: '',
	...over,
});

/** The refusal the decision gives for this input; the test fails when it gives none. */
function refusalOf(over: Partial<VatDecisionInput>): OrderRefusal {
	let thrown: unknown;
	try {
		decideVatRegime(input(over));
	} catch (e) {
		thrown = e;
	}
	expect(thrown).toBeInstanceOf(OrderRefusal);
	return thrown as OrderRefusal;
}

function refusalCode(over: Partial<VatDecisionInput>): string {
	const r = refusalOf(over);
	expect(r.orderNumber).toBe('7001');
	expect(r.hint).toMatch(/Mijnwebwinkel|order/);
	return r.code;
}

describe('VAT regime decision', () => {
	it.each([
		// [case, input, regime, taxCountry]
		['NL rates, NL destination', {}, 'domestic', 'NL'],
		['NL rates incl. 0 % line', { chargedRates: ['21', '0', '9'] }, 'domestic', 'NL'],
		['NL rates to BE (below OSS threshold)', { destinationCountry: 'BE' }, 'domestic', 'NL'],
		[
			'NL rates to the US (VAT charged anyway)',
			{ destinationCountry: 'US', taxRegion: null },
			'domestic',
			'NL',
		],
		['NL rates, unknown destination', { destinationCountry: null }, 'domestic', 'NL'],
		['free order', { chargedRates: [] }, 'domestic', 'NL'],
		['NL 0 % only, staying in NL', { chargedRates: ['0'] }, 'domestic', 'NL'],
		[
			'OSS by tax_region DE',
			{ taxRegion: 'DE', destinationCountry: 'DE', chargedRates: ['19', '7'] },
			'oss',
			'DE',
		],
		[
			'OSS by tax_region BE at 21 % (a rate NL shares)',
			{ taxRegion: 'BE', destinationCountry: 'BE', chargedRates: ['21'] },
			'oss',
			'BE',
		],
		[
			'OSS by tax_region without a destination',
			{ taxRegion: 'FR', destinationCountry: null, chargedRates: ['5.5'] },
			'oss',
			'FR',
		],
		[
			'OSS inferred from FR rates to FR',
			{ taxRegion: null, destinationCountry: 'FR', chargedRates: ['20', '5.5'] },
			'oss',
			'FR',
		],
		[
			'OSS inferred, mixed with a 0 % line',
			{ taxRegion: '' as unknown as null, destinationCountry: 'AT', chargedRates: ['20', '0'] },
			'oss',
			'AT',
		],
		[
			'export: all 0 % to NO, normal strategy',
			{ taxRegion: 'NO', destinationCountry: 'NO', chargedRates: ['0'] },
			'export',
			null,
		],
		[
			'export: zero_percent to CH',
			{ taxStrategy: 'zero_percent', destinationCountry: 'CH', chargedRates: ['0'] },
			'export',
			null,
		],
		[
			'export: zero_percent to GB',
			{ taxStrategy: 'zero_percent', destinationCountry: 'GB', chargedRates: ['0'] },
			'export',
			null,
		],
		[
			'zero-rated: zero_percent staying in NL',
			{ taxStrategy: 'zero_percent', destinationCountry: 'NL', chargedRates: ['0'] },
			'zero_rated',
			null,
		],
		[
			'reverse charge to BE with VAT number',
			{
				taxStrategy: 'reverse_charged_vat',
				destinationCountry: 'BE',
				chargedRates: ['0'],
				vatNumber: 'BE0123456749',
			},
			'intra_eu_reverse_charge',
			null,
		],
		[
			'reverse charge to DE without VAT number (kept; the invoice builder refuses)',
			{ taxStrategy: 'reverse_charged_vat', destinationCountry: 'DE', chargedRates: ['0'] },
			'intra_eu_reverse_charge',
			null,
		],
		[
			'home BE, BE rates',
			{ homeCountry: 'BE', taxRegion: 'BE', destinationCountry: 'BE', chargedRates: ['21', '6'] },
			'domestic',
			'BE',
		],
	] as Array<[string, Partial<VatDecisionInput>, string, string | null]>)(
		'%s → %s',
		(_name, over, regime, taxCountry) => {
			const d = decideVatRegime(input(over));
			expect(d.regime).toBe(regime);
			expect(d.taxCountry).toBe(taxCountry);
			expect(d.destinationCountry).toBe(
				over.destinationCountry === undefined ? 'NL' : over.destinationCountry,
			);
			expect(d.reason.length).toBeGreaterThan(40);
		},
	);

	it('names the country, the rates and the threshold in the reason a bookkeeper reads', () => {
		expect(decideVatRegime(input({ destinationCountry: 'BE' })).reason).toMatch(
			/BE.*€10,000 OSS threshold/,
		);
		expect(
			decideVatRegime(input({ taxRegion: 'DE', destinationCountry: 'DE', chargedRates: ['19'] }))
				.reason,
		).toMatch(/DE VAT/);
		expect(
			decideVatRegime(
				input({
					taxStrategy: 'reverse_charged_vat',
					destinationCountry: 'BE',
					chargedRates: ['0'],
					vatNumber: 'BE0123456749',
				}),
			).reason,
		).toContain('BE0123456749');
		expect(
			decideVatRegime(
				input({
					taxStrategy: 'reverse_charged_vat',
					destinationCountry: 'BE',
					chargedRates: ['0'],
				}),
			).reason,
		).toContain('no customer VAT number');
	});

	it('a shop under OSS (euDistanceSales "oss") may not book home VAT on a consumer sale shipped to another EU state', () => {
		const oss = { euDistanceSales: 'oss' as const, taxRegion: null };
		expect(refusalCode({ ...oss, destinationCountry: 'BE' })).toBe('home_vat_on_oss_sale');
		// 21 % is also a BE rate, but without tax_region BE it is NL VAT
		expect(
			refusalCode({ ...oss, taxRegion: 'NL', destinationCountry: 'BE', chargedRates: ['21', '9'] }),
		).toBe('home_vat_on_oss_sale');
		// what stays allowed: tax_region names the destination (OSS), home sales, exports, pickups, customers with a valid foreign VAT number
		expect(
			decideVatRegime(input({ ...oss, taxRegion: 'BE', destinationCountry: 'BE' })).regime,
		).toBe('oss');
		expect(decideVatRegime(input({ ...oss, destinationCountry: 'NL' })).regime).toBe('domestic');
		expect(decideVatRegime(input({ ...oss, destinationCountry: 'US' })).regime).toBe('domestic');
		expect(
			decideVatRegime(input({ ...oss, destinationCountry: null, invoiceCountry: 'BE' })).regime,
		).toBe('domestic');
		expect(
			decideVatRegime(input({ ...oss, destinationCountry: 'BE', vatNumber: 'BE0123456749' }))
				.regime,
		).toBe('domestic');
		expect(refusalCode({ ...oss, destinationCountry: 'BE', vatNumber: 'BE0123456748' })).toBe(
			'home_vat_on_oss_sale',
		);
		expect(
			decideVatRegime(input({ ...oss, destinationCountry: 'BE', chargedRates: [] })).regime,
		).toBe('domestic');
		// the default keeps the below-threshold reading
		expect(decideVatRegime(input({ taxRegion: null, destinationCountry: 'BE' })).regime).toBe(
			'domestic',
		);
		const refusal = refusalOf({ ...oss, destinationCountry: 'DE', chargedRates: ['9'] });
		expect(refusal.message).toMatch(/NL VAT \(9 %\).*consumer in DE.*DE VAT is owed/);
		expect(refusal.hint).toMatch(/below threshold/);
	});

	it('without a transport country the invoice country decides only where no transport is needed', () => {
		const pickedUp = { destinationCountry: null, invoiceCountry: 'NL' };
		expect(decideVatRegime(input({ ...pickedUp })).regime).toBe('domestic');
		expect(decideVatRegime(input({ ...pickedUp, chargedRates: ['0'] })).regime).toBe('domestic');
		expect(
			decideVatRegime(input({ ...pickedUp, taxStrategy: 'zero_percent', chargedRates: ['0'] }))
				.regime,
		).toBe('zero_rated');
		// NL VAT charged to a foreign customer who collected the goods: domestic, as before
		const be = decideVatRegime(input({ destinationCountry: null, invoiceCountry: 'BE' }));
		expect([be.regime, be.destinationCountry]).toEqual(['domestic', 'BE']);
		const refusal = refusalOf({
			taxStrategy: 'reverse_charged_vat',
			destinationCountry: null,
			invoiceCountry: 'BE',
			chargedRates: ['0'],
			vatNumber: 'BE0123456749',
		});
		expect(refusal.message).toMatch(/no delivery address and no shipping country/);
		expect(refusal.hint).toMatch(/picked up.*proof/);
	});

	it('a reverse-charge refusal for a bad VAT number names the number, the reason and VIES', () => {
		const refusal = refusalOf({
			taxStrategy: 'reverse_charged_vat',
			destinationCountry: 'BE',
			chargedRates: ['0'],
			vatNumber: 'NL851234567B01',
		});
		expect(refusal.message).toMatch(/NL851234567B01.*NL VAT number/);
		expect(refusal.hint).toContain('VIES');
		// a VAT number of another member state than the destination is still an ICP supply
		expect(
			decideVatRegime(
				input({
					taxStrategy: 'reverse_charged_vat',
					destinationCountry: 'BE',
					chargedRates: ['0'],
					vatNumber: 'DE123456789',
				}),
			).regime,
		).toBe('intra_eu_reverse_charge');
	});

	it.each([
		[
			'reverse charge with VAT on a line',
			{ taxStrategy: 'reverse_charged_vat', destinationCountry: 'BE', chargedRates: ['21'] },
			'inconsistent_vat',
		],
		[
			'reverse charge to the home country',
			{ taxStrategy: 'reverse_charged_vat', destinationCountry: 'NL', chargedRates: ['0'] },
			'inconsistent_vat',
		],
		[
			'reverse charge outside the EU',
			{ taxStrategy: 'reverse_charged_vat', destinationCountry: 'CH', chargedRates: ['0'] },
			'inconsistent_vat',
		],
		[
			'reverse charge without any country',
			{ taxStrategy: 'reverse_charged_vat', destinationCountry: null, chargedRates: ['0'] },
			'unknown_destination',
		],
		[
			'reverse charge picked up (invoice country BE, no transport country)',
			{
				taxStrategy: 'reverse_charged_vat',
				destinationCountry: null,
				invoiceCountry: 'BE',
				chargedRates: ['0'],
				vatNumber: 'BE0123456749',
			},
			'unknown_destination',
		],
		[
			'zero_percent export picked up (invoice country US)',
			{
				taxStrategy: 'zero_percent',
				destinationCountry: null,
				invoiceCountry: 'US',
				chargedRates: ['0'],
			},
			'unknown_destination',
		],
		[
			'zero_percent picked up by an EU customer',
			{
				taxStrategy: 'zero_percent',
				destinationCountry: null,
				invoiceCountry: 'DE',
				chargedRates: ['0'],
			},
			'unknown_destination',
		],
		[
			'all 0 % picked up (invoice country CH)',
			{ taxRegion: null, destinationCountry: null, invoiceCountry: 'CH', chargedRates: ['0'] },
			'unknown_destination',
		],
		[
			'zero_percent to another EU country',
			{ taxStrategy: 'zero_percent', destinationCountry: 'DE', chargedRates: ['0'] },
			'ambiguous_zero_rate',
		],
		[
			'zero_percent but a 21 % line',
			{ taxStrategy: 'zero_percent', destinationCountry: 'US', chargedRates: ['0', '21'] },
			'inconsistent_vat',
		],
		[
			'zero_percent without any country',
			{ taxStrategy: 'zero_percent', destinationCountry: null, chargedRates: ['0'] },
			'unknown_destination',
		],
		[
			'normal strategy, all 0 % to another EU country',
			{ taxRegion: null, destinationCountry: 'DE', chargedRates: ['0'] },
			'ambiguous_zero_rate',
		],
		[
			'normal strategy, all 0 %, tax_region DE',
			{ taxRegion: 'DE', destinationCountry: 'DE', chargedRates: ['0'] },
			'ambiguous_zero_rate',
		],
		[
			'normal strategy, all 0 %, no country',
			{ destinationCountry: null, chargedRates: ['0'] },
			'unknown_destination',
		],
		[
			'tax_region DE with a 21 % line',
			{ taxRegion: 'DE', destinationCountry: 'DE', chargedRates: ['21'] },
			'inconsistent_vat',
		],
		[
			'tax_region DE but goods to FR',
			{ taxRegion: 'DE', destinationCountry: 'FR', chargedRates: ['19'] },
			'inconsistent_vat',
		],
		['a non-NL rate inside NL', { chargedRates: ['19'] }, 'inconsistent_vat'],
		[
			'a non-NL rate to the US',
			{ destinationCountry: 'US', chargedRates: ['20'] },
			'inconsistent_vat',
		],
		[
			'a rate of neither NL nor the destination',
			{ taxRegion: null, destinationCountry: 'DE', chargedRates: ['20'] },
			'inconsistent_vat',
		],
		['an unknown tax strategy', { taxStrategy: 'margin_scheme' }, 'unknown_tax_strategy'],
		[
			'reverse charge with a VAT number of the home country',
			{
				taxStrategy: 'reverse_charged_vat',
				destinationCountry: 'BE',
				chargedRates: ['0'],
				vatNumber: 'NL851234567B01',
			},
			'invalid_vat_number',
		],
		[
			'reverse charge with a VAT number outside the EU',
			{
				taxStrategy: 'reverse_charged_vat',
				destinationCountry: 'BE',
				chargedRates: ['0'],
				vatNumber: 'CHE123456789',
			},
			'invalid_vat_number',
		],
		[
			'reverse charge with a malformed VAT number',
			{
				taxStrategy: 'reverse_charged_vat',
				destinationCountry: 'DE',
				chargedRates: ['0'],
				vatNumber: 'DE1234',
			},
			'invalid_vat_number',
		],
		[
			'reverse charge with wrong BE check digits',
			{
				taxStrategy: 'reverse_charged_vat',
				destinationCountry: 'BE',
				chargedRates: ['0'],
				vatNumber: 'BE0123456748',
			},
			'invalid_vat_number',
		],
	] as Array<[string, Partial<VatDecisionInput>, string]>)(
		'refuses %s (%s)',
		(_name, over, code) => {
			expect(refusalCode(over)).toBe(code);
		},
	);
});

describe('EU VAT data', () => {
	it('lists the 27 member states, each with a standard rate', () => {
		expect(EU_MEMBER_STATES).toHaveLength(27);
		expect(Object.keys(EU_VAT_RATES_2026).sort()).toEqual([...EU_MEMBER_STATES].sort());
		expect(isEuMember('gr')).toBe(true);
		for (const c of ['GB', 'CH', 'NO', 'US', 'EL', '', null]) expect(isEuMember(c)).toBe(false);
	});

	it("knows the rates the fixtures rely on and treats 0 % as everybody's", () => {
		expect([isRateOf('NL', '21'), isRateOf('NL', '9'), isRateOf('NL', '6')]).toEqual([
			true,
			true,
			false,
		]);
		expect([
			isRateOf('FR', '5.5'),
			isRateOf('DE', '7'),
			isRateOf('BE', '6'),
			isRateOf('FI', '25.5'),
		]).toEqual([true, true, true, true]);
		expect(isRateOf('XX', '0')).toBe(true);
		expect(isRateOf('XX', '21')).toBe(false);
	});
});
