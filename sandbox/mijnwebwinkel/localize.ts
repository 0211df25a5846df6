/** `language=…` on order reads: country names follow the language (nl_NL default, English otherwise). */
import { COUNTRIES } from '../generator/countries';

type Json = Record<string, unknown>;

const englishCountry = (code: unknown, fallback: unknown): unknown =>
	typeof code === 'string' && COUNTRIES[code] ? COUNTRIES[code].en : fallback;

/** returns a copy with the (deprecated) localized country names in English when the language is not Dutch */
export function localizeOrder<T>(order: T, language: string): T {
	if (language.startsWith('nl')) return order;
	const o = structuredClone(order) as Json;
	const addresses = ((o.debtor as Json | undefined)?.address ?? {}) as Record<
		string,
		Json | undefined
	>;
	for (const a of [addresses.invoice, addresses.delivery]) {
		if (a && 'country' in a) a.country = englishCountry(a.country_code, a.country);
	}
	for (const s of (Array.isArray(o.shipping) ? o.shipping : []) as Json[]) {
		const c = s.country as Json | unknown[];
		if (c && !Array.isArray(c)) c.description = englishCountry(c.isocode, c.description);
	}
	return o as T;
}
