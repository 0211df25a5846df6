import { formatScaled, parseScaled } from '../../../core/money';

/**
 * A decimal amount as text with at most 6 decimals ("16.53" stays "16.53"; 16.5 → "16.5"): money the user types
 * is validated and sent as text, never made a float.
 */
export function decimalText(value: unknown, what: string): string {
	const micros = parseScaled(value, 6, what);
	return formatScaled(micros, 6)
		.replace(/(\.\d*?)0+$/, '$1')
		.replace(/\.$/, '');
}
