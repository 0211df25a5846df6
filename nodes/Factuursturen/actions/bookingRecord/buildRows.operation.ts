/**
 * Booking Record → Build Rows: the input items are the stored rows (as a Data Table Get gives them, empty items
 * allowed), the Outcomes parameter holds the run's outcome items; the output is one row per order, every column
 * set, with the stored row's `id` when there is one: for a Data Table Upsert, or an Insert of the rows without it.
 * The rules are core's (core/booking-record/row.ts); no API call is made.
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { bookingRows, rowForTable, type OutcomeItem } from '../../../../core/booking-record/row';
import { jsonParameter } from '../../helpers/jsonParameter';
import type { FactuursturenRun } from '../node.type';
import { outcomesProperty } from './bookingRecord.descriptions';

const properties: INodeProperties[] = [outcomesProperty];

const displayOptions = { show: { resource: ['bookingRecord'], operation: ['buildRows'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function outcomesParameter(run: FactuursturenRun): OutcomeItem[] {
	const value = jsonParameter(run, 'outcomes');
	if (
		!Array.isArray(value) ||
		value.some((v) => v === null || typeof v !== 'object' || Array.isArray(v))
	) {
		throw new NodeOperationError(run.ctx.getNode(), 'Outcomes must be a list of outcome items', {
			description:
				"Set Outcomes to an expression that lists the run's outcome items, e.g. {{ $('Outcomes').all().map(i => i.json) }}",
		});
	}
	return value as OutcomeItem[];
}

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	const outcomes = outcomesParameter(run);
	let rows;
	try {
		rows = bookingRows(
			run.items.map((i) => i.json as IDataObject),
			outcomes,
			new Date().toISOString(),
		);
	} catch (error) {
		throw new NodeOperationError(run.ctx.getNode(), (error as Error).message, {
			description:
				'Every outcome item needs an orderNumber and an outcome of sent, adopted, skipped, failed or mismatched.',
		});
	}
	const storedIndex = new Map<string, number>();
	run.items.forEach((item, i) => {
		const n = item.json.orderNumber;
		if (typeof n === 'string' && !storedIndex.has(n)) storedIndex.set(n, i);
	});
	return rows.map((row) => {
		const stored = storedIndex.get(row.orderNumber);
		const id = stored === undefined ? undefined : run.items[stored].json.id;
		return {
			// the stored row's Data Table id, so a workflow can add new rows in bulk and update only the stored ones
			// (n8n's Data Table nodes leave the id column out of what they write)
			json: {
				...rowForTable(row),
				...(id === undefined || id === null ? {} : { id }),
			} as IDataObject,
			pairedItem: { item: stored ?? 0 },
		};
	});
}
