/**
 * The `OrderRefusal.code`s that building an invoice can throw (a part of the catalogue in
 * core/error-codes.ts), so the property test can rely on a closed list.
 */
import type { ErrorCode } from '../error-codes';

export const INVOICE_REFUSAL_CODES = [
	/** test orders ("T-…") are never invoiced */
	'test_order',
	/** only EUR orders are invoiced; other currencies need a decision on conversion */
	'unsupported_currency',
	/** an order without lines */
	'empty_order',
	/** the canonical order's own figures disagree (lines vs per-rate vs totals, VAT on a 0 % rate) */
	'inconsistent_order',
	/** a credit order with a positive total, or a normal order with a negative one */
	'credit_sign_conflict',
	/** the order uses a VAT rate that the mapping does not list */
	'unmapped_vat_rate',
	/** an OSS order uses a destination rate ("DE:19") that `ossVatRates` does not list */
	'unmapped_oss_rate',
	/** an OSS order without a tax country */
	'missing_tax_country',
	/** a 0 % regime (reverse charge, export, zero-rated) with VAT-bearing lines */
	'regime_rate_conflict',
	/** reverse charge without the customer's VAT number */
	'reverse_charge_without_vat_number',
	/** reverse charge with a VAT number that cannot be an EU VAT id (prefix, national format, BE check digits) */
	'invalid_vat_number',
	/** reverse-charge order, but the existing debtor is not marked tax_shifted (we never modify debtors) */
	'debtor_not_tax_shifted',
	/** a VAT-charging order on a debtor marked tax_shifted: Factuursturen would drop the VAT */
	'debtor_tax_shifted_conflict',
	/** reverse-charge order whose VAT number differs from the existing debtor's */
	'debtor_vat_number_mismatch',
	/** no invoice within ±1 cent VAT per rate and the allowed rounding line matches the shop's VAT */
	'vat_mismatch',
	/** the order number cannot be written as a reference */
	'invalid_order_number',
	/** a 0 % gift-voucher line in a VAT-charging regime (mapping voucherLines: 'refuse') */
	'voucher_line',
	/** an OSS order whose known debtor country is not the OSS (delivery) country */
	'oss_debtor_country_mismatch',
	/** a credit order whose original invoice (reference "Bestelling <credited order>") is not in Factuursturen (thrown by the node) */
	'original_invoice_not_found',
	/** the order's status is not invoiceable (Create From Order's status guard, preflight.ts) */
	'status_not_invoiceable',
] as const satisfies readonly ErrorCode[];

export type InvoiceRefusalCode = (typeof INVOICE_REFUSAL_CODES)[number];
