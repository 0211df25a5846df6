/** a 0 % gift-voucher line in a VAT-charging regime is refused by default, booked with a mention on request. */
import { buildInvoice, paymentLabel } from '../../../core/factuursturen/invoice-builder';
import { parseMapping } from '../../../core/factuursturen/invoice-mapping';
import { VOUCHER_NOTE } from '../../../core/factuursturen/voucher-lines';
import { OrderRefusal } from '../../../core/errors';
import { makeOrder } from './order-factory';

const DEBTOR = { clientnr: '1', tax_type: 'extax' as const };
const withVoucher = (description: string, regime: 'domestic' | 'export' = 'domestic') =>
	makeOrder({
		number: '6001',
		regime,
		taxCountry: regime === 'export' ? null : 'NL',
		lines: [
			{ rate: '21', inclCents: 1495, description: 'Geurkaars' },
			{ rate: '0', inclCents: 2500, description },
		],
	});

describe('voucher lines', () => {
	it.each([
		'Cadeaubon € 25',
		'CADEAUKAART',
		'Kadobon 10',
		'Giftcard',
		'Gift card 50',
		'Tegoedbon',
		'Waardebon',
		'Voucher',
	])('"%s" at 0 %% on a domestic order is refused with voucher_line', (d) => {
		let caught: unknown;
		try {
			buildInvoice(withVoucher(d), DEBTOR, parseMapping({}));
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(OrderRefusal);
		expect((caught as OrderRefusal).code).toBe('voucher_line');
		expect((caught as OrderRefusal).hint).toContain('Vooruitontvangen cadeaubonnen');
	});

	it('another 0 % line (not a voucher) is not touched', () => {
		expect(buildInvoice(withVoucher('Statiegeld'), DEBTOR, parseMapping({})).reference.line3).toBe(
			'',
		);
	});

	it('in a 0 % regime (export) a voucher line is just a 0 % line', () => {
		const o = withVoucher('Cadeaubon');
		const exportOrder = {
			...o,
			lines: o.lines.map((l) => ({ ...l, vatRate: '0' })),
			totals: {
				...o.totals,
				vatCents: 0,
				exclCents: o.totals.inclCents,
				perRate: [{ rate: '0', vatCents: 0, inclCents: o.totals.inclCents }],
			},
			vat: { ...o.vat, regime: 'export' as const, taxCountry: null, destinationCountry: 'US' },
		};
		expect(() => buildInvoice(exportOrder, DEBTOR, parseMapping({}))).not.toThrow();
	});

	it('voucherLines "book" invoices it with the multi-purpose-voucher mention in line3', () => {
		const payload = buildInvoice(
			withVoucher('Cadeaubon € 25'),
			DEBTOR,
			parseMapping({ voucherLines: 'book', referenceLine3: 'Dank u' }),
		);
		expect(payload.reference.line3).toBe(`${VOUCHER_NOTE} - Dank u`);
		expect(payload.lines.slice(0, 2).map((l) => [l.description, l.tax_rate])).toEqual([
			['Geurkaars', '21'],
			['Cadeaubon € 25', '0'],
		]);
	});

	it('a redemption paid by webshop_giftcard is labelled "Cadeaubon", not as a bank receipt', () => {
		const o = makeOrder({
			number: '6002',
			paymentMethod: 'webshop_giftcard',
			lines: [{ rate: '21', inclCents: 1495 }],
		});
		expect(paymentLabel(o, parseMapping({}))).toBe('Cadeaubon');
	});
});
