/** The parameters of Plan Migration Slice and Migration Progress, read and checked. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { DEFAULT_COSTS, type BudgetCosts } from '../../../core/booking-record/migration';
import type { FactuursturenRun } from '../actions/node.type';
import { dateParam } from './dateParameter';

export function costsOf(run: FactuursturenRun): BudgetCosts {
	const options = run.ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const callsPerOrder = Number(
		run.ctx.getNodeParameter('callsPerOrder', 0, DEFAULT_COSTS.callsPerOrder),
	);
	const maxSlice = Number(run.ctx.getNodeParameter('maxSlice', 0, DEFAULT_COSTS.maxSlice));
	if (!(callsPerOrder >= 1) || !(maxSlice >= 1)) {
		throw new NodeOperationError(
			run.ctx.getNode(),
			'Calls per Order and Max Orders per Run must be at least 1',
		);
	}
	return {
		...DEFAULT_COSTS,
		reserve:
			typeof options.rateLimitReserve === 'number'
				? options.rateLimitReserve
				: DEFAULT_COSTS.reserve,
		callsPerOrder,
		maxSlice,
	};
}

export function dateRange(run: FactuursturenRun): { from: string; to: string } {
	try {
		const from = dateParam(run.ctx.getNodeParameter('dateFrom', 0, ''));
		const to = dateParam(run.ctx.getNodeParameter('dateTo', 0, ''));
		if (from === '' || to === '' || from > to)
			throw new Error(`"${from}" to "${to}" is not a date range`);
		return { from, to };
	} catch (error) {
		throw new NodeOperationError(run.ctx.getNode(), (error as Error).message, {
			description: 'Set From Date and To Date (YYYY-MM-DD) of the range to migrate.',
		});
	}
}
