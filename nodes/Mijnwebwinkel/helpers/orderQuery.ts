/** Order list/count filters from the node parameters → the API's query parameters. */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { isEmptyDate, lastDaysStart, shopDate, shopDateTime } from './dates';

export interface OrderQuery {
	qs: IDataObject;
	statusNames: string[];
	/** add every status with `credit_order: true` to the chosen ones */
	includeCreditOrders: boolean;
}

export function orderQuery(node: INode, filters: IDataObject, itemIndex: number): OrderQuery {
	const qs: IDataObject = {};
	const fail = (message: string, description: string) =>
		new NodeOperationError(node, message, { itemIndex, description });
	// the date helpers throw only DateInputError: turned into an error that says how to enter a date
	const convert = (fn: () => string): string => {
		try {
			return fn();
		} catch (error) {
			throw fail(
				(error as Error).message,
				'Pick the date in the date picker, or give ISO text like 2025-03-01 or 2025-03-01T08:00:00.',
			);
		}
	};
	if (!isEmptyDate(filters.orderDateFrom))
		qs.start_date = convert(() => shopDate(filters.orderDateFrom, 'Order Date From'));
	if (!isEmptyDate(filters.orderDateTo))
		qs.end_date = convert(() => shopDate(filters.orderDateTo, 'Order Date To'));
	const lastDays = filters.statusChangedLastDays;
	const hasLastDays = lastDays !== undefined && lastDays !== null && lastDays !== '';
	if (hasLastDays && !isEmptyDate(filters.statusChangedSince)) {
		throw fail(
			'Both "Status Changed Since" and "Status Changed in the Last N Days" are set',
			'Remove one of the two filters: they both set where the status-change window starts.',
		);
	}
	if (hasLastDays) {
		const days = Number(lastDays);
		if (!Number.isInteger(days) || days < 0) {
			throw fail(
				`"Status Changed in the Last N Days" must be a whole number of days, got "${String(lastDays)}"`,
				'Enter 0 or more, e.g. 1 for yesterday and today.',
			);
		}
		qs.status_changed_start_date = lastDaysStart(days);
	}
	if (!isEmptyDate(filters.statusChangedSince)) {
		qs.status_changed_start_date = convert(() =>
			shopDateTime(filters.statusChangedSince, 'Status Changed Since', 'start'),
		);
	}
	if (!isEmptyDate(filters.statusChangedUntil)) {
		qs.status_changed_end_date = convert(() =>
			shopDateTime(filters.statusChangedUntil, 'Status Changed Until', 'end'),
		);
	}
	if (filters.archived === 'archived') qs.archived = 'true';
	if (filters.archived === 'notArchived') qs.archived = 'false';
	if (filters.includeTestOrders === true) qs.test = 'true';
	const email = typeof filters.customerEmail === 'string' ? filters.customerEmail.trim() : '';
	if (email) qs.debtor_email = email;

	let statusNames: string[] = [];
	const raw = filters.statuses;
	if (Array.isArray(raw)) statusNames = raw.map(String);
	else if (typeof raw === 'string' && raw.trim()) statusNames = raw.split(',');
	statusNames = statusNames.map((s) => s.trim()).filter(Boolean);
	return { qs, statusNames, includeCreditOrders: filters.includeCreditOrders === true };
}
