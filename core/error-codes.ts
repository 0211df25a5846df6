/**
 * Every error code this package puts on an error item (`details.code`) or an OrderRefusal, with what it means and
 * what to do. The core and both nodes use these codes and no others (the type says so); the README's
 * troubleshooting table is rendered from this list (scripts/error-codes-readme.ts) and a test fails when it differs.
 */

export type ErrorCodeArea =
	| 'order'
	| 'invoice'
	| 'debtor'
	| 'workflow'
	| 'mijnwebwinkel'
	| 'factuursturen'
	| 'connection';

export interface ErrorCodeEntry {
	area: ErrorCodeArea;
	meaning: string;
	fix: string;
}

const entries = {
	// the order itself (Mijnwebwinkel → canonical order)
	test_order: {
		area: 'order',
		meaning: 'A Mijnwebwinkel test order ("T-…"); never invoiced.',
		fix: 'Nothing: test orders are skipped.',
	},
	before_cut_over: {
		area: 'order',
		meaning:
			'An order dated before the cut-over date or numbered up to the cut-over order number: the previous connector booked it.',
		fix: 'Nothing. If the previous connector did not book it, move the cut-over setting and reprocess the order.',
	},
	unknown_status: {
		area: 'order',
		meaning: "The order's status id is not in the shop's status list.",
		fix: 'Run again (the status list is re-read); add a new paid status to the invoiceable statuses.',
	},
	malformed_order: {
		area: 'order',
		meaning: 'The order is not in the documented shape (number, date, lines, amounts).',
		fix: 'Check the order in Mijnwebwinkel; report the order number if it looks right there.',
	},
	negative_total: {
		area: 'order',
		meaning: 'A negative total on an order that is not a credit order.',
		fix: 'Make the refund a credit order in Mijnwebwinkel, then process it again.',
	},
	inconsistent_line_amounts: {
		area: 'order',
		meaning: "A line's amount incl. VAT does not match its amount excl. VAT at its rate.",
		fix: 'Correct the line in Mijnwebwinkel, then process the order again.',
	},
	order_total_mismatch: {
		area: 'order',
		meaning: 'The lines do not add up to the order total.',
		fix: 'Correct the order in Mijnwebwinkel, then process it again.',
	},
	order_vat_mismatch: {
		area: 'order',
		meaning: 'The VAT reported at a rate differs from what the lines at that rate imply.',
		fix: 'Check the VAT of the order in Mijnwebwinkel; book it by hand if the shop is right.',
	},
	vat_rate_without_line: {
		area: 'order',
		meaning: 'VAT is reported at a rate that no line uses.',
		fix: 'Correct the order in Mijnwebwinkel, then process it again.',
	},
	inconsistent_vat: {
		area: 'order',
		meaning: "The order's VAT setting contradicts its own rates or countries.",
		fix: 'Check the tax settings of the order in Mijnwebwinkel; book it by hand if needed.',
	},
	unknown_destination: {
		area: 'order',
		meaning: '0 % VAT without a delivery or shipping country: export cannot be told from domestic.',
		fix: 'Add the delivery address or shipping country in Mijnwebwinkel, or book it by hand.',
	},
	ambiguous_zero_rate: {
		area: 'order',
		meaning: '0 % VAT on goods to another EU state without a valid business VAT number.',
		fix: "Add the customer's VAT number (reverse charge) or correct the VAT in Mijnwebwinkel.",
	},
	unknown_tax_strategy: {
		area: 'order',
		meaning: 'A tax strategy this integration does not know.',
		fix: 'Book the order by hand and report the tax strategy.',
	},
	home_vat_on_oss_sale: {
		area: 'order',
		meaning:
			'Home VAT on a consumer sale to another EU state while the shop is in OSS (EU Distance Sales: OSS).',
		fix: 'Destination VAT is owed: book it by hand, or correct EU Distance Sales.',
	},
	special_vat_territory: {
		area: 'order',
		meaning:
			'The goods go to a special VAT territory (Canary Islands, Northern Ireland, Monaco, …).',
		fix: "Book it by hand with that territory's VAT treatment; correct the address if it is wrong.",
	},
	missing_currency: {
		area: 'order',
		meaning: 'The order has no currency (Missing Currency: Refuse).',
		fix: 'Check the order; set Missing Currency to "Assume EUR and Say So" if it was in euros.',
	},
	invalid_email: {
		area: 'order',
		meaning: "The customer's e-mail address is not valid.",
		fix: 'Correct the e-mail in Mijnwebwinkel, then process the order again.',
	},
	missing_email: {
		area: 'debtor',
		meaning: 'No usable customer e-mail to match a debtor on.',
		fix: 'Add the e-mail in Mijnwebwinkel, or map the payment method to a fixed debtor.',
	},
	normalization_failed: {
		area: 'order',
		meaning: 'The order could not be normalized: a defect of the mapping, not of the order.',
		fix: 'Report it with the order as the Raw output shows it; the other orders go on.',
	},
	// can it be invoiced as it is (core invoice checks)
	status_not_invoiceable: {
		area: 'invoice',
		meaning:
			"The order's status is not one of Create From Order's Invoiceable Statuses (cancelled, pending, …).",
		fix: 'Wait for a paid/shipped/picked-up status, or add the status to Invoiceable Statuses.',
	},
	unsupported_currency: {
		area: 'invoice',
		meaning: 'Only EUR orders are invoiced.',
		fix: 'Book the order by hand (choose the conversion rate yourself).',
	},
	empty_order: {
		area: 'invoice',
		meaning: 'The order has no lines.',
		fix: 'Check the order in Mijnwebwinkel.',
	},
	inconsistent_order: {
		area: 'invoice',
		meaning: "The order's lines, VAT per rate and totals disagree.",
		fix: 'Correct the order in Mijnwebwinkel, then reprocess it.',
	},
	credit_sign_conflict: {
		area: 'invoice',
		meaning: 'A credit order with a positive total, or a normal order with a negative one.',
		fix: 'Fix the status or amounts in Mijnwebwinkel, then reprocess.',
	},
	unmapped_vat_rate: {
		area: 'invoice',
		meaning: 'A VAT rate the VAT Rates mapping does not list.',
		fix: 'Add the rate to VAT Rates (and to the Factuursturen account), then reprocess.',
	},
	unmapped_oss_rate: {
		area: 'invoice',
		meaning: 'An OSS rate ("DE:19") that OSS VAT Rates does not list.',
		fix: 'Add it to OSS VAT Rates (and to the Factuursturen account), then reprocess.',
	},
	missing_tax_country: {
		area: 'invoice',
		meaning: 'An OSS order without a tax country.',
		fix: 'Check the delivery country in Mijnwebwinkel, then reprocess.',
	},
	regime_rate_conflict: {
		area: 'invoice',
		meaning: 'A 0 % regime (reverse charge, export, zero rate) with lines that carry VAT.',
		fix: 'Correct the VAT of the order in Mijnwebwinkel, or book it by hand.',
	},
	reverse_charge_without_vat_number: {
		area: 'invoice',
		meaning: "A reverse-charge sale without the customer's VAT number.",
		fix: "Add the customer's VAT number in Mijnwebwinkel, then reprocess.",
	},
	invalid_vat_number: {
		area: 'invoice',
		meaning: 'A VAT number that cannot be a valid EU VAT id for reverse charge.',
		fix: 'Check it in VIES, correct it in Mijnwebwinkel, then reprocess.',
	},
	vat_mismatch: {
		area: 'invoice',
		meaning: "The shop's VAT cannot be reproduced within 1 cent without a large rounding line.",
		fix: 'Check the order; book it by hand or raise maxRoundingCents.',
	},
	invalid_order_number: {
		area: 'invoice',
		meaning: 'The order number cannot be written as an invoice reference.',
		fix: 'Book the order by hand.',
	},
	voucher_line: {
		area: 'invoice',
		meaning: 'A 0 % gift-voucher line in a VAT-charging sale: not 0 % turnover.',
		fix: 'Book the voucher by hand to a balance account, or set voucherLines to "book".',
	},
	oss_debtor_country_mismatch: {
		area: 'invoice',
		meaning: 'An OSS sale whose existing debtor is in another country than the OSS country.',
		fix: 'Book it by hand, or use a debtor in the OSS country.',
	},
	original_invoice_not_found: {
		area: 'invoice',
		meaning: 'A credit order whose original invoice is not in Factuursturen.',
		fix: 'Book the original order first, or book the credit by hand.',
	},
	// the debtor
	missing_country: {
		area: 'debtor',
		meaning: 'The invoice address has no country.',
		fix: "Add the country to the customer's address in Mijnwebwinkel, then reprocess.",
	},
	unknown_country: {
		area: 'debtor',
		meaning: "The customer's country is not in Factuursturen's country list.",
		fix: 'Check the country in Mijnwebwinkel, or give a country mapping.',
	},
	debtor_not_tax_shifted: {
		area: 'debtor',
		meaning: 'A reverse-charge order, but the existing debtor is not set to "BTW verlegd".',
		fix: 'Switch on "BTW verlegd" with the VAT number on the debtor in Factuursturen, then reprocess.',
	},
	debtor_tax_shifted_conflict: {
		area: 'debtor',
		meaning: 'A VAT-charging order on a debtor set to "BTW verlegd".',
		fix: 'Switch "BTW verlegd" off for the debtor in Factuursturen (or use another debtor), then reprocess.',
	},
	debtor_vat_number_mismatch: {
		area: 'debtor',
		meaning: "The order's VAT number differs from the existing debtor's.",
		fix: 'Correct the VAT number of the debtor or the order, then reprocess.',
	},
	missing_debtor: {
		area: 'workflow',
		meaning: 'Create From Order got an item without a debtor (clientnr).',
		fix: 'Put Client → Get or Create by Email before it, or set Debtor Field.',
	},
	// the workflow and the nodes
	invalid_order: {
		area: 'workflow',
		meaning: 'The item is not an order as the Mijnwebwinkel node outputs it (Normalized).',
		fix: 'Use Output: Normalized in the Mijnwebwinkel node, or set Order Field.',
	},
	order_listed_twice: {
		area: 'workflow',
		meaning: 'The same order came twice in one run; it is booked once, from the first.',
		fix: 'Nothing; if it keeps happening, check the filters of the order fetch.',
	},
	outcome_unknown: {
		area: 'connection',
		meaning:
			'A create was sent but its outcome is unknown (no answer, and a look-up did not find it yet); it was not sent again.',
		fix: 'Run again: the next run finds and adopts what was created, or books it once.',
	},
	duplicate_check_unavailable: {
		area: 'connection',
		meaning:
			'A list the duplicate check needs could not be read completely, so nothing was created for these orders.',
		fix: 'Run again later; nothing is created while the check cannot be made.',
	},
	missing_invoice_number: {
		area: 'workflow',
		meaning: 'Reconcile With Order got an item without an invoice number.',
		fix: 'Put it after Create From Order, or set Invoice Number Field.',
	},
	reconciliation_mismatch: {
		area: 'workflow',
		meaning: 'The invoice in Factuursturen differs from its order (see the differences).',
		fix: 'Follow the hint of each difference; credit the invoice and reprocess when it is wrong.',
	},
	invalid_input: {
		area: 'workflow',
		meaning: 'A node parameter or input value is not usable.',
		fix: 'Correct the parameter the message names.',
	},
	unexpected_error: {
		area: 'workflow',
		meaning: 'A failure without a more specific code.',
		fix: 'Read the message; run again, and report it if it persists.',
	},
	// the APIs
	waiting_for_budget: {
		area: 'connection',
		meaning:
			'Not sent and not failed: the Factuursturen hourly budget had no room left for this order in this run.',
		fix: 'Nothing to do: the next run books it (the daily run by itself). To fit more into one run, raise Max Wait in Node or run when the budget renews.',
	},
	rate_limited: {
		area: 'connection',
		meaning:
			"The API's request budget is spent (Factuursturen: the hourly budget; Mijnwebwinkel: too many requests).",
		fix: 'Wait until the budget renews (the message says when) and run again; done orders are adopted.',
	},
	timeout: {
		area: 'connection',
		meaning: 'No answer in time; a write may or may not have happened.',
		fix: 'Run again later: invoices created anyway are found and adopted, not duplicated.',
	},
	unreachable: {
		area: 'connection',
		meaning: 'The API could not be reached.',
		fix: 'Check the Base URL in the credential and the network of the n8n host.',
	},
	connection_lost: {
		area: 'connection',
		meaning: 'The connection broke before an answer came.',
		fix: 'Run again later; check the network if it keeps happening.',
	},
	server_error: {
		area: 'connection',
		meaning: 'The API had a server error (HTTP 5xx).',
		fix: 'Run again later; contact the API provider if it persists.',
	},
	request_rejected: {
		area: 'connection',
		meaning: 'The API rejected the data (HTTP 400/422); the message names the field.',
		fix: 'Correct the value the message names, then run again.',
	},
	not_found: {
		area: 'connection',
		meaning: 'Nothing with this number or id exists (HTTP 404).',
		fix: 'Check the number or id; if every call answers 404, check the Base URL.',
	},
	conflict: {
		area: 'connection',
		meaning: 'The API reports a conflict (HTTP 409).',
		fix: 'Check the data in Factuursturen and run again.',
	},
	unexpected_response: {
		area: 'connection',
		meaning: 'An HTTP answer the integration does not expect.',
		fix: 'Check the credential and the node settings.',
	},
	api_error: {
		area: 'connection',
		meaning: 'An API failure without a more specific code.',
		fix: 'Read the message and hint; run again.',
	},
	invalid_credentials: {
		area: 'factuursturen',
		meaning: 'Factuursturen refused the username or API key (HTTP 401).',
		fix: 'Check the credential: username, and an Active API key (Instellingen > Verbindingen).',
	},
	forbidden: {
		area: 'connection',
		meaning: 'Access refused (HTTP 403) for another reason than a spent budget.',
		fix: 'Check that the key/token is active and made for this integration (PREMIUM plan for Mijnwebwinkel).',
	},
	invalid_token: {
		area: 'mijnwebwinkel',
		meaning: 'The store or partner token is wrong, expired or revoked.',
		fix: 'Make a new store token (Instellingen > API > Token toevoegen) and put it in the credential.',
	},
	invalid_partner_token: {
		area: 'mijnwebwinkel',
		meaning: 'The partner token is wrong or missing.',
		fix: 'Enter the partner token of the integration in the credential.',
	},
	token_other_partner: {
		area: 'mijnwebwinkel',
		meaning: 'The store token was made for another partner.',
		fix: "Make a store token for this integration's partner and put it in the credential.",
	},
	no_api_access: {
		area: 'mijnwebwinkel',
		meaning: "The shop's plan has no API access.",
		fix: 'The API needs the PREMIUM plan: upgrade, then try again.',
	},
} satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof entries;

export const ERROR_CODES: Readonly<Record<ErrorCode, ErrorCodeEntry>> = entries;

export function isErrorCode(code: unknown): code is ErrorCode {
	return typeof code === 'string' && Object.prototype.hasOwnProperty.call(entries, code);
}

/** the code of an HTTP failure status that has no more specific reading */
export function httpErrorCode(status: number): ErrorCode {
	if (status === 400 || status === 422) return 'request_rejected';
	if (status === 401) return 'invalid_credentials';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'not_found';
	if (status === 409) return 'conflict';
	if (status === 429) return 'rate_limited';
	if (status >= 500) return 'server_error';
	return 'unexpected_response';
}

const AREA_TITLE: Record<ErrorCodeArea, string> = {
	order: 'order',
	invoice: 'invoice',
	debtor: 'debtor',
	workflow: 'workflow',
	mijnwebwinkel: 'Mijnwebwinkel',
	factuursturen: 'Factuursturen',
	connection: 'API',
};

/** The README's troubleshooting table (markdown), in catalogue order. */
export function errorCodeTable(): string {
	const cell = (text: string) => text.replace(/\|/g, '\\|');
	const rows = (Object.entries(entries) as Array<[ErrorCode, ErrorCodeEntry]>).map(
		([code, e]) => `| \`${code}\` | ${AREA_TITLE[e.area]} | ${cell(e.meaning)} | ${cell(e.fix)} |`,
	);
	return ['| Code | Where | What it means | What to do |', '|---|---|---|---|', ...rows].join('\n');
}
