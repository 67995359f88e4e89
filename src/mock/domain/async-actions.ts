import type { DomainContext } from './context.js';
import { notFound } from './errors.js';
import type { AsyncAction } from './customer-records.js';

export type { AsyncAction, ImportLine } from './customer-records.js';

/** `GET /v1/async-actions/{id}`. */
export function getAsyncAction(ctx: DomainContext, id: string): AsyncAction {
	const action = ctx.state.asyncActions.get(id);
	if (!action) throw notFound('async_action', id);
	return action;
}
