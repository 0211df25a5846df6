/**
 * Get and Delete of one record named by an id parameter (Client Number, Product ID, Invoice Number): the
 * parameter is read as trimmed text, handed to the transport, and the answer is one output item.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { FactuursturenRun } from '../actions/node.type';
import { forEachItem } from './forEachItem';
import { normalizeRecord } from './normalize';

type RecordRequest<T> = (run: FactuursturenRun, id: string, itemIndex: number) => Promise<T>;

/** The id parameter's value: text, without surrounding spaces. */
export const idParameter = (run: FactuursturenRun, name: string, itemIndex: number): string =>
	String(run.ctx.getNodeParameter(name, itemIndex)).trim();

/** One item per input item: the record, normalized. */
export async function getRecordById(
	run: FactuursturenRun,
	parameter: string,
	fetch: RecordRequest<IDataObject>,
): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) =>
		normalizeRecord(await fetch(run, idParameter(run, parameter, i), i)),
	);
}

/** One item per input item: `{ deleted: true, [outputKey]: id }`. */
export async function deleteRecordById(
	run: FactuursturenRun,
	parameter: string,
	remove: RecordRequest<void>,
	outputKey: string,
): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const id = idParameter(run, parameter, i);
		await remove(run, id, i);
		return { deleted: true, [outputKey]: id };
	});
}
