/**
 * Payment gateways as Mijnwebwinkel lists them ({gateways: [{name, displayName, methods: [{name, displayName,
 * settings}]}]}) → one item per payment method, keyed the way the invoice mapping matches an order's method. A
 * method several gateways offer (e.g. paypal) is one item: the mapping is per method, not per gateway.
 */
import type { IDataObject } from 'n8n-workflow';
import { paymentMethodKey } from '../../../core/factuursturen/payment-method-key';

const objects = (value: unknown): IDataObject[] =>
	Array.isArray(value)
		? value.filter((x): x is IDataObject => !!x && typeof x === 'object' && !Array.isArray(x))
		: [];
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function paymentMethodItems(body: unknown): IDataObject[] {
	const byKey = new Map<
		string,
		{ mappingKey: string; name: string; displayName: string; gateways: IDataObject[] }
	>();
	const gateways = body && typeof body === 'object' ? (body as IDataObject).gateways : undefined;
	for (const gateway of objects(gateways)) {
		const gatewayName = text(gateway.name);
		for (const method of objects(gateway.methods)) {
			const name = text(method.name);
			if (!name) continue;
			const key = paymentMethodKey(name);
			let item = byKey.get(key);
			if (!item) {
				item = {
					mappingKey: key,
					name,
					displayName: text(method.displayName) || name,
					gateways: [],
				};
				byKey.set(key, item);
			}
			const via: IDataObject = {
				name: gatewayName,
				displayName: text(gateway.displayName) || gatewayName,
			};
			const cost = (method.settings as IDataObject | undefined)?.cost;
			if (cost && typeof cost === 'object') via.cost = cost as IDataObject;
			item.gateways.push(via);
		}
	}
	return [...byKey.values()].map((item) => ({ ...item }));
}
