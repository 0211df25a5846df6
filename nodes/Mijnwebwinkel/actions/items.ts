import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** One output item per record, paired with the input item it came from. */
export const toItems = (records: IDataObject[], itemIndex: number): INodeExecutionData[] =>
	records.map((json) => ({ json, pairedItem: { item: itemIndex } }));

export const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as string };
