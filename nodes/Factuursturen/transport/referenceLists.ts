/** The account's reference lists: tax rates, categories, profiles, countries. */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import type { FactuursturenRun } from '../actions/node.type';
import { asArray } from '../helpers/normalize';
import { FactuursturenClient, segment } from './client';

export type ReferenceList = 'taxRate' | 'category' | 'profile' | 'country';

const PATHS: Record<Exclude<ReferenceList, 'country'>, string> = {
	taxRate: '/taxes',
	category: '/categories',
	profile: '/profiles',
};

/** the path of a reference list; countries come named in a language */
export const referenceListPath = (list: ReferenceList, language = 'nl'): string =>
	list === 'country' ? `/countrylist/${segment(language)}` : PATHS[list];

/** one reference list, as Get Many shows it */
export async function readReferenceList(
	run: FactuursturenRun,
	path: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	return asArray(await run.api.get(path, undefined, itemIndex));
}

/** Factuursturen's countries (Dutch names), kept by the client for the process: debtor and OSS checks need them */
export async function countries(run: FactuursturenRun, itemIndex: number): Promise<IDataObject[]> {
	return asArray(await run.api.getReference('/countrylist/nl', itemIndex));
}

/** a reference list for a dropdown in the editor */
export async function dropdownList(
	ctx: ILoadOptionsFunctions,
	path: string,
): Promise<IDataObject[]> {
	return asArray(await new FactuursturenClient(ctx, { getRetries: 1 }).get(path));
}

/** ONE request (the tax list, the cheapest) to learn the budget left in this window. */
export async function probeBudget(run: FactuursturenRun): Promise<void> {
	await run.api.request({ method: 'GET', path: '/taxes', what: 'GET /taxes (budget probe)' }, 0);
}
