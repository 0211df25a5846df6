import { foreignOrderNumbers, foreignRule } from '../../../core/factuursturen/foreign-invoices';
import { cutOverSkip, NO_CUT_OVER, parseCutOver } from '../../../core/switch-over/cut-over';

describe('cut-over', () => {
	it('reads the settings; empty means not used; nonsense is an error that says what to enter', () => {
		expect(parseCutOver('', '')).toEqual(NO_CUT_OVER);
		expect(parseCutOver('2026-11-01T00:00:00', ' 1041 ')).toEqual({
			beforeDate: '2026-11-01',
			upToNumber: '1041',
		});
		expect(() => parseCutOver('1 november', '')).toThrow(/not a date/);
		expect(() => parseCutOver('', 'T-12')).toThrow(/not an order number/);
	});

	it('skips orders dated before the date or numbered up to the number (numerically), with the reason', () => {
		const c = parseCutOver('2026-11-01', '999');
		expect(cutOverSkip({ number: '1000', date: '2026-11-01' }, c)).toBeNull();
		const byDate = cutOverSkip({ number: '1000', date: '2026-10-31' }, c)!;
		expect(byDate).toMatchObject({
			code: 'before_cut_over',
			orderNumber: '1000',
			details: { skip: true },
		});
		expect(byDate.message).toContain('before the cut-over date 2026-11-01');
		// 999 ≥ 99 as numbers, not as text
		expect(cutOverSkip({ number: '99', date: '2026-11-05' }, c)!.message).toContain(
			'cut-over order number 999',
		);
		expect(cutOverSkip({ number: '1000', date: '2026-11-05' }, parseCutOver('', '999'))).toBeNull();
		// a number that is not digits is never compared
		expect(cutOverSkip({ number: 'T-1', date: '2026-11-05' }, c)).toBeNull();
		expect(cutOverSkip({ number: '5', date: '2020-01-01' }, NO_CUT_OVER)).toBeNull();
	});
});

describe('invoices made by someone else', () => {
	const invoice = {
		reference: { line1: '', line2: 'Webshop order #1042', line3: '' },
		lines: {
			line1: { description: 'Bestelnummer: 1042 - Appels' },
			line2: { description: 'Verzendkosten (bestelnummer: 1043)' },
		},
	};

	it('finds the order number where the rule says, in its one capture group', () => {
		expect(foreignOrderNumbers(invoice, foreignRule('line2', 'order #(\\d+)')!)).toEqual(['1042']);
		expect(
			foreignOrderNumbers(invoice, foreignRule('lines', '(?:B|b)estelnummer:?\\s*(\\d+)')!),
		).toEqual(['1042', '1043']);
		expect(foreignOrderNumbers(invoice, foreignRule('line1', 'order #(\\d+)')!)).toEqual([]);
		// lines as an array too
		expect(
			foreignOrderNumbers(
				{ lines: [{ description: 'Order 7' }] },
				foreignRule('lines', 'Order (\\d+)')!,
			),
		).toEqual(['7']);
	});

	it('no pattern, no rule; a pattern without exactly one capture group or a bad place is an error with a fix', () => {
		expect(foreignRule('lines', '')).toBeNull();
		expect(() => foreignRule('lines', 'order \\d+')).toThrow(/0 capture groups/);
		expect(() => foreignRule('lines', '(order) (\\d+)')).toThrow(/2 capture groups/);
		expect(() => foreignRule('lines', '(')).toThrow(/not a regular expression/);
		expect(() => foreignRule('notes', '(\\d+)')).toThrow(/not a place/);
	});
});
