/**
 * Tax Rate, Category, Country, Profile → Get Many: the account's reference lists, each fetched once per execution.
 * The four resources share this one operation.
 */
import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { getManyFetchedOnce } from '../../helpers/getMany';
import {
	readReferenceList,
	referenceListPath,
	type ReferenceList,
} from '../../transport/referenceLists';
import { returnAllAndLimit } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';

export const LOOKUP_RESOURCES = ['taxRate', 'category', 'country', 'profile'] as const;

const countryLanguage: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	options: [
		{ name: 'Dutch', value: 'nl' },
		{ name: 'English', value: 'en' },
		{ name: 'French', value: 'fr' },
		{ name: 'German', value: 'de' },
		{ name: 'Spanish', value: 'es' },
	],
	default: 'nl',
	displayOptions: { show: { resource: ['country'], operation: ['getAll'] } },
	description: 'Language of the country names',
};

export const description: INodeProperties[] = [
	...LOOKUP_RESOURCES.flatMap((resource) =>
		updateDisplayOptions(
			{ show: { resource: [resource], operation: ['getAll'] } },
			returnAllAndLimit,
		),
	),
	countryLanguage,
];

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await getManyFetchedOnce(
		run,
		async (path, i) => await readReferenceList(run, path, i),
		(i) =>
			referenceListPath(
				run.resource as ReferenceList,
				String(run.ctx.getNodeParameter('language', i, 'nl')),
			),
	);
}
