/**
 * How many invoices need a rounding line ("Afrondingsverschil"), over the property-test population
 * (test/core/property/population.ts, same seed and size): each order booked on a NEW debtor as the debtor builder
 * makes it, the naive way (every debtor extax, the old default) side by side with the current rule (consumers intax,
 * businesses extax). Orders the builder refuses are left out of both counts.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDebtor, type BuildDebtorOptions } from '../core/factuursturen/debtor-builder';
import { buildInvoice, ROUNDING_LINE_DESCRIPTION } from '../core/factuursturen/invoice-builder';
import { parseMapping } from '../core/factuursturen/invoice-mapping';
import { OrderRefusal } from '../core/errors';
import {
	ossVatRates,
	POPULATION_SEED,
	POPULATION_SIZE,
	scenarioArb,
	toOrder,
} from '../test/core/property/population';

export interface RoundingShare {
	label: string;
	built: number;
	withRoundingLine: number;
	/** of those, invoices for consumers (debtor without company or VAT number) */
	consumerBuilt: number;
	consumerWithRoundingLine: number;
}

const COUNTRIES = JSON.parse(
	fs.readFileSync(
		path.join(__dirname, '..', 'sandbox', 'factuursturen', 'countrylist.json'),
		'utf8',
	),
);

export function roundingShares(): RoundingShare[] {
	const scenarios = fc.sample(scenarioArb, { seed: POPULATION_SEED, numRuns: POPULATION_SIZE });
	const ways: Array<[string, BuildDebtorOptions]> = [
		['naive: every new debtor extax', { consumerTaxType: 'extax', businessTaxType: 'extax' }],
		['now: consumers intax, businesses extax', {}],
	];
	return ways.map(([label, opts]) => {
		const r: RoundingShare = {
			label,
			built: 0,
			withRoundingLine: 0,
			consumerBuilt: 0,
			consumerWithRoundingLine: 0,
		};
		scenarios.forEach((s, index) => {
			const order = toOrder(s, index);
			const mapping = parseMapping({
				ossVatRates,
				splitUnsplitCosts: s.splitUnsplitCosts,
				priceDecimals: s.priceDecimals,
			});
			let rounding: boolean;
			let consumer: boolean;
			try {
				const debtor = buildDebtor(order, COUNTRIES, opts);
				consumer = debtor.company === '' && debtor.taxnumber === '';
				const payload = buildInvoice(
					order,
					{
						clientnr: '1',
						tax_type: debtor.tax_type,
						tax_shifted: debtor.tax_shifted,
						taxnumber: debtor.taxnumber,
					},
					mapping,
				);
				rounding = payload.lines.some((l) => l.description === ROUNDING_LINE_DESCRIPTION);
			} catch (error) {
				if (error instanceof OrderRefusal) return;
				throw error;
			}
			r.built++;
			if (rounding) r.withRoundingLine++;
			if (consumer) {
				r.consumerBuilt++;
				if (rounding) r.consumerWithRoundingLine++;
			}
		});
		return r;
	});
}

if (require.main === module) {
	for (const r of roundingShares()) process.stdout.write(`${JSON.stringify(r)}\n`);
}
