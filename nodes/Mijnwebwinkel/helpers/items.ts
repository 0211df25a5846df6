import type { IDataObject } from 'n8n-workflow';

export const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as string };
