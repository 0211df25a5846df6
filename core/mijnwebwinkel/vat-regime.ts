/**
 * Which VAT regime an order falls under, decided from what Mijnwebwinkel says (`tax_strategy`,
 * `tax_region`), the rates actually charged on the lines and where the goods go. Every decision comes
 * with a sentence a bookkeeper can check; anything that does not add up is refused, never guessed
 * (a 0 % line needs a reason, OSS needs the destination's rates).
 */
import type { VatRegime } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { isEuMember } from '../vat/eu-countries';
import { isRateOf, vatRatesOf } from '../vat/rates';
import { euVatNumberProblem } from '../vat/vat-number';

/**
 * The shop's place of supply for EU consumer sales (Dir. art. 59c): 'below_threshold' while its EU-wide distance
 * sales stay ≤ €10,000 (home VAT is right), 'oss' once it is over the threshold or opted for destination VAT.
 */
export type EuDistanceSales = 'below_threshold' | 'oss';
export const EU_DISTANCE_SALES_VALUES: readonly EuDistanceSales[] = ['below_threshold', 'oss'];

export interface VatDecisionInput {
	orderNumber: string;
	/** `tax_strategy`: '' (normal), 'zero_percent' or 'reverse_charged_vat' */
	taxStrategy: string;
	/** `tax_region` (ISO-2, upper case) or null */
	taxRegion: string | null;
	/** where the goods are transported to: the delivery address's or the shipping country, null when neither is known */
	destinationCountry: string | null;
	/**
	 * the invoice address's country. Without a transport country it stands in for the destination only where the
	 * place of supply does not hang on transport (domestic VAT, OSS by tax_region): a 0 % regime needs goods that
	 * demonstrably left the home country, and goods picked up in the shop are supplied there (art. 5 lid 1 b Wet OB).
	 */
	invoiceCountry?: string | null;
	homeCountry: string;
	/** distinct canonical rates of the lines that carry money (free lines do not decide a regime) */
	chargedRates: string[];
	/** the customer's normalised VAT number ('' when none) */
	vatNumber: string;
	/** default 'below_threshold' */
	euDistanceSales?: EuDistanceSales;
}

export interface VatDecision {
	regime: VatRegime;
	reason: string;
	taxCountry: string | null;
	destinationCountry: string | null;
}

/** ["21", "9"] → "21 %, 9 %" */
function list(rates: string[]): string {
	let text = '';
	for (let i = 0; i < rates.length; i++) text += i === 0 ? `${rates[i]} %` : `, ${rates[i]} %`;
	return text;
}

const decision = (
	regime: VatRegime,
	reason: string,
	taxCountry: string | null,
	destinationCountry: string | null,
): VatDecision => ({
	regime,
	reason,
	taxCountry,
	destinationCountry,
});

function inconsistent(
	input: VatDecisionInput,
	message: string,
	details: Record<string, unknown> = {},
): OrderRefusal {
	return new OrderRefusal(
		'inconsistent_vat',
		`Order ${input.orderNumber}: ${message}`,
		"The VAT settings of this order contradict each other, so it cannot be booked safely. Check the order's VAT (tax strategy, tax region, line rates, delivery country) in Mijnwebwinkel and correct the order or the shop's tax settings, then process it again.",
		input.orderNumber,
		{
			taxStrategy: input.taxStrategy,
			taxRegion: input.taxRegion,
			destinationCountry: input.destinationCountry,
			rates: input.chargedRates,
			...details,
		},
	);
}

function unknownDestination(input: VatDecisionInput): OrderRefusal {
	const invoiceCountry = input.invoiceCountry ?? null;
	if (invoiceCountry === null) {
		return new OrderRefusal(
			'unknown_destination',
			`Order ${input.orderNumber} charges 0 % VAT but has no delivery, shipping or invoice country, so export and domestic cannot be told apart.`,
			"Add the customer's country to the order's address in Mijnwebwinkel, then process the order again.",
			input.orderNumber,
		);
	}
	return new OrderRefusal(
		'unknown_destination',
		`Order ${input.orderNumber} charges 0 % VAT to a customer in ${invoiceCountry}, but has no delivery address and no shipping country: nothing shows the goods left ${input.homeCountry} (picked up in the shop, the supply takes place in ${input.homeCountry}).`,
		`If the goods were shipped, add the delivery address or shipping country to the order in Mijnwebwinkel and process it again. If the customer collected them (picked up / no transport country), the 0 % needs transport or export proof: book it by hand once you hold that proof, or charge ${input.homeCountry} VAT on the order.`,
		input.orderNumber,
		{ invoiceCountry },
	);
}

function invalidVatNumber(input: VatDecisionInput, problem: string): OrderRefusal {
	return new OrderRefusal(
		'invalid_vat_number',
		`Order ${input.orderNumber} is marked reverse-charged, but the customer's VAT number "${input.vatNumber}" cannot be used for it: ${problem}.`,
		"The 0 % of an intra-community supply needs the customer's valid VAT number of another EU member state. Check the number in VIES (ec.europa.eu/taxation_customs/vies), correct it on the order in Mijnwebwinkel, then process the order again; if the customer has no valid EU VAT number, charge VAT on the order instead.",
		input.orderNumber,
		{ vatNumber: input.vatNumber, homeCountry: input.homeCountry },
	);
}

export function decideVatRegime(input: VatDecisionInput): VatDecision {
	const { taxStrategy, taxRegion, homeCountry: home, chargedRates } = input;
	const transport = input.destinationCountry;
	// where no transport is involved (domestic VAT, OSS by tax_region) the invoice country is the best guess left
	const dest = transport ?? input.invoiceCountry ?? null;
	const nonZero: string[] = [];
	for (const r of chargedRates) if (r !== '0') nonZero.push(r);
	const allZero = chargedRates.length > 0 && nonZero.length === 0;

	if (taxStrategy === 'reverse_charged_vat') {
		if (transport === null) throw unknownDestination(input);
		if (dest === null || !isEuMember(dest) || dest === home) {
			throw inconsistent(
				input,
				`Mijnwebwinkel marked it reverse-charged, but the goods go to ${dest ?? 'an unknown country'}, not to another EU member state than ${home}.`,
			);
		}
		if (nonZero.length > 0)
			throw inconsistent(
				input,
				`Mijnwebwinkel marked it reverse-charged, but lines carry ${list(nonZero)} VAT.`,
			);
		// an empty number is left to the invoice builder (reverse_charge_without_vat_number, with its own hint)
		const problem = input.vatNumber ? euVatNumberProblem(input.vatNumber, home) : null;
		if (problem !== null) throw invalidVatNumber(input, problem);
		const vat = input.vatNumber
			? ` (customer VAT number ${input.vatNumber})`
			: ' (the order carries no customer VAT number)';
		return decision(
			'intra_eu_reverse_charge',
			`Mijnwebwinkel marked the order "reverse_charged_vat", the goods go to ${dest} (EU, not ${home}) and every line is 0 %: intra-EU supply with VAT reverse-charged to the customer${vat}.`,
			null,
			dest,
		);
	}

	if (taxStrategy === 'zero_percent') {
		if (nonZero.length > 0)
			throw inconsistent(
				input,
				`Mijnwebwinkel marked it "zero_percent", but lines carry ${list(nonZero)} VAT.`,
			);
		if (dest === null || (transport === null && dest !== home)) throw unknownDestination(input);
		if (dest === home) {
			return decision(
				'zero_rated',
				`Mijnwebwinkel marked the order "zero_percent" and the goods stay in ${home}: a 0 % domestic supply (zero-rated).`,
				null,
				dest,
			);
		}
		if (!isEuMember(dest)) {
			return decision(
				'export',
				`Mijnwebwinkel marked the order "zero_percent" and the goods go to ${dest}, outside the EU: export at 0 %.`,
				null,
				dest,
			);
		}
		throw new OrderRefusal(
			'ambiguous_zero_rate',
			`Order ${input.orderNumber} charges 0 % VAT ("zero_percent") on goods to ${dest}, another EU member state. That is only correct as a reverse-charged intra-EU supply to a business with a VAT number.`,
			"If the customer is a business with a valid VAT number, set the order to reverse charge (btw verlegd) with the customer's VAT number in Mijnwebwinkel; otherwise charge VAT on the order. Then process it again.",
			input.orderNumber,
			{ destinationCountry: dest },
		);
	}

	if (taxStrategy !== '') {
		throw new OrderRefusal(
			'unknown_tax_strategy',
			`Order ${input.orderNumber} has tax_strategy "${taxStrategy}", which this integration does not know.`,
			'Report this order number and its tax strategy so the mapping can be extended; until then book it by hand.',
			input.orderNumber,
			{ taxStrategy },
		);
	}

	// Normal VAT. An explicit EU tax region other than home is Mijnwebwinkel's own OSS choice.
	if (taxRegion !== null && taxRegion !== home && isEuMember(taxRegion)) {
		if (dest !== null && dest !== taxRegion)
			throw inconsistent(
				input,
				`it is taxed for ${taxRegion} (tax_region) but the goods go to ${dest}.`,
			);
		const foreign = nonZero.filter((r) => !isRateOf(taxRegion, r));
		if (foreign.length > 0)
			throw inconsistent(
				input,
				`it is taxed for ${taxRegion} (tax_region), but ${list(foreign)} is not a ${taxRegion} VAT rate.`,
			);
		if (allZero) throw zeroToEu(input, taxRegion);
		return decision(
			'oss',
			`Mijnwebwinkel taxed the order for ${taxRegion} (tax_region) at ${taxRegion} rates (${list(nonZero)}) and the goods go to ${dest ?? taxRegion}: EU distance sale to a consumer under the One-Stop-Shop, with ${taxRegion} VAT.`,
			taxRegion,
			dest,
		);
	}

	const homeRates = vatRatesOf(home);
	const notHome = nonZero.filter((r) => !isRateOf(home, r));
	if (notHome.length > 0) {
		if (dest !== null && dest !== home && isEuMember(dest)) {
			const foreign = nonZero.filter((r) => !isRateOf(dest, r));
			if (foreign.length > 0)
				throw inconsistent(
					input,
					`lines carry ${list(foreign)}, which is neither a ${home} nor a ${dest} VAT rate.`,
				);
			return decision(
				'oss',
				`The lines carry ${list(nonZero)}, which ${notHome.length > 1 ? 'are' : 'is'} not ${home} VAT but ${dest} VAT, and the goods go to ${dest}: EU distance sale to a consumer under the One-Stop-Shop, with ${dest} VAT.`,
				dest,
				dest,
			);
		}
		throw inconsistent(
			input,
			`lines carry ${list(notHome)}, which is not a ${home} VAT rate (${home} rates: ${homeRates ? [homeRates.standard, ...homeRates.reduced].join(', ') : '?'} %), and the goods do not go to another EU member state.`,
		);
	}

	if (allZero) {
		if (dest === null || (transport === null && dest !== home)) throw unknownDestination(input);
		if (!isEuMember(dest))
			return decision(
				'export',
				`Every line is 0 % and the goods go to ${dest}, outside the EU: export at 0 %.`,
				null,
				dest,
			);
		if (dest !== home) throw zeroToEu(input, dest);
		return decision(
			'domestic',
			`Every line is at the ${home} 0 % rate and the goods stay in ${home}: a domestic sale at 0 %.`,
			home,
			dest,
		);
	}

	if (chargedRates.length === 0) {
		return decision(
			'domestic',
			`Nothing was charged (a free order) and the goods go to ${dest ?? home}: booked as domestic.`,
			home,
			dest,
		);
	}
	const rates = list(chargedRates);
	if (dest === null || dest === home) {
		return decision(
			'domestic',
			`${home} VAT (${rates}) on a sale delivered in ${dest ?? home}${dest === null ? ' (no delivery country on the order)' : ''}: domestic.`,
			home,
			dest,
		);
	}
	if (isEuMember(dest)) {
		// an OSS shop owes the destination's VAT on a consumer sale shipped there; a customer with a valid foreign VAT
		// number paid home VAT as charged (art. 37 Wet OB); goods without a transport country were supplied at home
		const business = input.vatNumber !== '' && euVatNumberProblem(input.vatNumber, home) === null;
		if (input.euDistanceSales === 'oss' && transport !== null && !business)
			throw homeVatOnOssSale(input, dest, rates);
		return decision(
			'domestic',
			`${home} VAT (${rates}) on a sale to ${dest}, another EU member state: booked as domestic, i.e. the shop is below the EU-wide €10,000 OSS threshold (or does not apply OSS). Check this if the shop is registered for OSS.`,
			home,
			dest,
		);
	}
	return decision(
		'domestic',
		`${home} VAT (${rates}) was charged although the goods go to ${dest}, outside the EU: booked as domestic, as charged (export at 0 % would require the shop not to charge VAT).`,
		home,
		dest,
	);
}

function homeVatOnOssSale(input: VatDecisionInput, dest: string, rates: string): OrderRefusal {
	const home = input.homeCountry;
	return new OrderRefusal(
		'home_vat_on_oss_sale',
		`Order ${input.orderNumber} charges ${home} VAT (${rates}) on goods shipped to a consumer in ${dest}, but the shop applies OSS (EU Distance Sales: oss), so ${dest} VAT is owed.`,
		`Set the tax region / ${dest} VAT rates for ${dest} in Mijnwebwinkel so orders to ${dest} carry ${dest} VAT, and book this order by hand (correct it with ${dest} VAT via OSS). If the shop is in fact below the EU-wide €10,000 threshold and has not opted for OSS, set EU Distance Sales to "below threshold" and process the order again.`,
		input.orderNumber,
		{ destinationCountry: dest, homeCountry: home, rates: input.chargedRates },
	);
}

function zeroToEu(input: VatDecisionInput, country: string): OrderRefusal {
	return new OrderRefusal(
		'ambiguous_zero_rate',
		`Order ${input.orderNumber} charges 0 % VAT on goods to ${country}, another EU member state, without being marked reverse-charged.`,
		"If the customer is a business with a valid VAT number, set the order to reverse charge (btw verlegd) with the customer's VAT number in Mijnwebwinkel; otherwise charge VAT on the order. Then process it again.",
		input.orderNumber,
		{ destinationCountry: country },
	);
}
