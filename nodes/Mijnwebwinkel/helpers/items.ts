import type { IDataObject } from 'n8n-workflow';

export const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as string };

/** The records of a list answer: a bare array, or the array under `key` (`{"customers": […]}`). */
export function listIn(body: unknown, key: string): IDataObject[] {
	const list = Array.isArray(body) ? body : asObject(body)[key];
	return (Array.isArray(list) ? list : []).map(asObject);
}
