/**
 * Raw: the orders as the API sent them. Normalized: the canonical order of `core/`, or, for an order that
 * must not be invoiced as it is, an error item (or a skip item) that says why and what to do, while the
 * other orders go on.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { ErrorCode } from '../../../core/error-codes';
import { OrderRefusal } from '../../../core/errors';
import {
	MISSING_CURRENCY_VALUES,
	toCanonicalOrder,
	type MissingCurrency,
} from '../../../core/mijnwebwinkel/to-canonical';
import {
	EU_DISTANCE_SALES_VALUES,
	type EuDistanceSales,
} from '../../../core/mijnwebwinkel/vat-regime';
import { isEuMember } from '../../../core/vat/eu-countries';
import {
	CutOverSettingError,
	cutOverSkip,
	parseCutOver,
	type CutOver,
} from '../../../core/switch-over/cut-over';
import { SHOP_TIME_ZONE } from '../../../core/time-zone';
import { errorItemJson } from '../../common/errorItem';
import type { MijnwebwinkelRun } from '../actions/node.type';
import { orderKey } from './orderNumber';

interface Refusal {
	orderNumber: string | null;
	code: ErrorCode;
	message: string;
	hint: string;
	/** the order itself cannot be invoiced as it is (its data or the settings), as opposed to a defect */
	refused: boolean;
	/** not to be booked here, and nothing wrong with it (before the cut-over) */
	skip: boolean;
}

function refusalOf(error: unknown, order: IDataObject): Refusal {
	if (error instanceof OrderRefusal) {
		const skip = error.details.skip === true;
		return {
			orderNumber: error.orderNumber ?? orderKey(order),
			code: error.code,
			message: error.message,
			hint: error.hint,
			refused: !skip,
			skip,
		};
	}
	// not a refusal but a defect in the mapping: still only this order is held back
	const message = error instanceof Error ? error.message : String(error);
	return {
		orderNumber: orderKey(order) || null,
		code: 'normalization_failed',
		message: `Order ${orderKey(order)} could not be normalized: ${message}`,
		hint: 'Check the order in Mijnwebwinkel. If it looks normal, report this as a bug of the node, with the order as the Raw output shows it.',
		refused: false,
		skip: false,
	};
}

function cutOverOf(ctx: IExecuteFunctions, i: number): CutOver {
	try {
		return parseCutOver(
			ctx.getNodeParameter('cutOverDate', i, ''),
			ctx.getNodeParameter('cutOverOrderNumber', i, ''),
		);
	} catch (error) {
		const hint = error instanceof CutOverSettingError ? error.hint : undefined;
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			itemIndex: i,
			description: hint,
		});
	}
}

/** The output JSON of the orders read for item `i`, in the shape its Output parameter asks for. */
export async function emitOrders(
	run: MijnwebwinkelRun,
	orders: IDataObject[],
	i: number,
): Promise<IDataObject[]> {
	const ctx = run.ctx;
	const output = ctx.getNodeParameter('output', i, 'raw') as string;
	if (output !== 'normalized') return orders;

	const homeCountry = String(ctx.getNodeParameter('homeCountry', i, 'NL'))
		.trim()
		.toUpperCase();
	if (!isEuMember(homeCountry)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Home Country "${homeCountry}" is not an EU member state`,
			{
				itemIndex: i,
				description: "Enter the shop's VAT country as a two-letter code, such as NL.",
			},
		);
	}
	const euDistanceSales = ctx.getNodeParameter('euDistanceSales', i, 'below_threshold') as string;
	if (!(EU_DISTANCE_SALES_VALUES as readonly string[]).includes(euDistanceSales)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`EU Distance Sales "${euDistanceSales}" is not a known option`,
			{
				itemIndex: i,
				description: 'Choose "Below Threshold" or "OSS".',
			},
		);
	}
	const missingCurrency = ctx.getNodeParameter(
		'missingCurrency',
		i,
		'assume_eur',
	) as MissingCurrency;
	if (!MISSING_CURRENCY_VALUES.includes(missingCurrency)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Missing Currency "${missingCurrency}" is not a known option`,
			{
				itemIndex: i,
				description: 'Choose "Assume EUR and Say So" or "Refuse".',
			},
		);
	}
	const refusedOrders = ctx.getNodeParameter('refusedOrders', i, 'error') as string;
	const statuses = await run.api.orderStatuses(i);
	const cutOver = cutOverOf(ctx, i);

	const out: IDataObject[] = [];
	for (const order of orders) {
		let canonical: IDataObject;
		try {
			const mapped = toCanonicalOrder(order, {
				statuses,
				homeCountry,
				timeZone: SHOP_TIME_ZONE,
				euDistanceSales: euDistanceSales as EuDistanceSales,
				missingCurrency,
			});
			const skip = cutOverSkip(mapped, cutOver);
			if (skip) throw skip;
			canonical = mapped as unknown as IDataObject;
		} catch (error) {
			const r = refusalOf(error, order);
			// a cut-over skip is no error: without an error output it is a skip item, as with Skip With Reason
			if (refusedOrders === 'skip' || (r.skip && !run.continueOnFail)) {
				out.push({
					skipped: true,
					orderNumber: r.orderNumber,
					code: r.code,
					reason: r.message,
					hint: r.hint,
				});
				continue;
			}
			if (!run.continueOnFail) {
				throw new NodeOperationError(ctx.getNode(), r.message, {
					itemIndex: i,
					description: r.hint,
				});
			}
			const orderDate =
				typeof order.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(order.date)
					? order.date.slice(0, 10)
					: null;
			out.push(
				errorItemJson(r.message, {
					orderNumber: r.orderNumber,
					code: r.code,
					hint: r.hint,
					refused: r.refused,
					...(r.skip ? { skip: true } : {}),
					orderDate,
				}),
			);
			continue;
		}
		if (canonical.currencyAssumed === true) {
			canonical.warnings = [
				`Order ${String(canonical.number)} came without a currency and is booked as EUR. Check it in Mijnwebwinkel; set Missing Currency to "Refuse" to hold such orders back instead.`,
			];
		}
		out.push(canonical);
	}
	return out;
}
