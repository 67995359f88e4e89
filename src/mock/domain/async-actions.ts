import type { DomainContext } from './context.js';
import { notFound } from './errors.js';

/** The outcome of one CSV line. */
export interface ImportLine {
	readonly line: number;
	readonly status: 'CREATED' | 'UPDATED' | 'FAILED';
	readonly source_id: string | null;
	readonly customer_id: string | null;
	readonly error: string | null;
}

/** A finished async action, as `GET /v1/async-actions/{id}` answers it. The mock runs each one at once. */
export interface AsyncAction {
	readonly id: string;
	readonly object: 'async_action';
	readonly type: 'CUSTOMERS_IMPORT_CSV';
	readonly status: 'DONE';
	readonly progress: 100;
	readonly created_at: string;
	readonly updated_at: string;
	readonly result: {
		readonly created: number;
		readonly updated: number;
		readonly failed: number;
		readonly lines: readonly ImportLine[];
	};
}

/** `GET /v1/async-actions/{id}`. */
export function getAsyncAction(ctx: DomainContext, id: string): AsyncAction {
	const action = ctx.state.asyncActions.get(id);
	if (!action) throw notFound('async_action', id);
	return action;
}
