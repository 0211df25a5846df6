/** The account's reference lists: tax rates, categories, countries, profiles (Get Many only). */
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from './common';

export const LOOKUP_RESOURCES = ['taxRate', 'category', 'country', 'profile'] as const;

const plural: Record<(typeof LOOKUP_RESOURCES)[number], string> = {
	taxRate: 'tax rates',
	category: 'categories',
	country: 'countries',
	profile: 'profiles',
};

export const lookupProperties: INodeProperties[] = LOOKUP_RESOURCES.flatMap((resource) => [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [{ name: 'Get Many', value: 'getAll', action: `Get many ${plural[resource]}` }],
		default: 'getAll',
	} as INodeProperties,
	...returnAllAndLimit(resource, 'getAll'),
]);

export const countryLanguage: INodeProperties = {
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
