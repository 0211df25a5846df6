/**
 * The JSON of an error item (Continue On Fail). Its shape is dictated by n8n 2.41 (n8n-core
 * `workflow-execute.js`): with "On Error: Continue (using error output)" an item goes to the error output
 * only when its JSON has no keys besides `error`, `message` and `details`, and an item that carries an
 * `error` object of its own has its JSON replaced by `{error: message}` (`normalizeNodeErrors`). So the
 * facts go under `details`, and the item gets no `error` property.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ErrorCode } from '../../../core/error-codes';

export interface ErrorDetails extends IDataObject {
	/** stable, for filters, from the catalogue (core/error-codes.ts): test_order, invalid_token, rate_limited, … */
	code: ErrorCode;
	/** what to do about it */
	hint: string;
}

export function errorItemJson(message: string, details: ErrorDetails): IDataObject {
	return { error: message, message, details };
}
