/** Dropdowns filled from the account: tax rates, categories, profiles, countries. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { toBoolean } from '../helpers/normalize';
import { dropdownList as list } from '../transport/referenceLists';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) =>
	a.name.localeCompare(b.name, 'nl');

export async function getTaxRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const all = await list(this, '/taxes');
	// The dropdown offers the account's own (Dutch) rates; foreign OSS rates are mapped by number.
	const domestic = all.filter((t) =>
		['', 'NL'].includes(
			String(t.country ?? '')
				.trim()
				.toUpperCase(),
		),
	);
	const seen = new Set<string>();
	const out: INodePropertyOptions[] = [];
	for (const t of domestic.length ? domestic : all) {
		const value = String(t.percentage ?? '').trim();
		if (value === '' || seen.has(value)) continue;
		seen.add(value);
		const kind =
			({ H: 'high', L: 'low', Z: 'zero', N: 'no VAT' } as Record<string, string>)[
				String(t.type ?? '')
			] ?? '';
		const isDefault = toBoolean(t.default) === true;
		const notes = [kind, isDefault ? 'default' : ''].filter(Boolean).join(', ');
		out.push({ name: `${value}%${notes ? ` (${notes})` : ''}`, value });
	}
	return out.sort((a, b) => Number(b.value) - Number(a.value));
}

/** The account's foreign (OSS) rates as "DE:19", the key the mapping's ossVatRates takes. */
export async function getOssRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const seen = new Set<string>();
	const out: Array<INodePropertyOptions & { country: string; pct: number }> = [];
	for (const t of await list(this, '/taxes')) {
		const country = String(t.country ?? '')
			.trim()
			.toUpperCase();
		const pct = String(t.percentage ?? '').trim();
		if (
			!/^[A-Z]{2}$/.test(country) ||
			country === 'NL' ||
			pct === '' ||
			seen.has(`${country}:${pct}`)
		)
			continue;
		seen.add(`${country}:${pct}`);
		const kind = ({ H: 'high', L: 'low', Z: 'zero' } as Record<string, string>)[
			String(t.type ?? '')
		];
		out.push({
			name: `${country} ${pct}%${kind ? ` (${kind})` : ''}`,
			value: `${country}:${pct}`,
			country,
			pct: Number(pct),
		});
	}
	return out
		.sort((a, b) => a.country.localeCompare(b.country) || b.pct - a.pct)
		.map(({ name, value }) => ({ name, value }));
}

export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/categories'))
		.map((c) => ({
			name: `${String(c.name ?? c.id)}${c.ledger ? ` (ledger ${String(c.ledger)})` : ''}`,
			value: String(c.id),
		}))
		.sort(byName);
}

/** The profile parameters default to '' (no profile sent: Factuursturen uses its default), so '' must be an option. */
export const ACCOUNT_DEFAULT_PROFILE: INodePropertyOptions = {
	name: 'Account Default',
	value: '',
	description: "No profile is sent: Factuursturen uses the account's default layout",
};

export async function getProfiles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const profiles = (await list(this, '/profiles'))
		.map((p) => ({
			name: `${String(p.name ?? p.id)}${toBoolean(p.default) === true ? ' (default)' : ''}`,
			value: String(p.id),
		}))
		.sort(byName);
	return [ACCOUNT_DEFAULT_PROFILE, ...profiles];
}

export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/countrylist/nl'))
		.map((c) => ({ name: String(c.name), value: String(c.id) }))
		.sort(byName);
}
