/**
 * How a payment method is named in the mapping (paymentMethodDebtors, paymentMethodLabels): the shop's method name
 * (an order's `payment.method_name`, a gateway method's `name`) without case and surrounding or doubled spaces.
 * The mapping's keys, an order's method and the keys the Mijnwebwinkel node lists all go through this one rule.
 */
export function paymentMethodKey(name: string): string {
	return name.replace(/\s+/g, ' ').trim().toLowerCase();
}
