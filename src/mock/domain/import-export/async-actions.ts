import type { DomainContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { AsyncAction } from '../shared/records.js';

export type { AsyncAction, ImportLine } from '../shared/records.js';

/** `GET /v1/async-actions/{id}`. */
export function getAsyncAction(ctx: DomainContext, id: string): AsyncAction {
	const action = ctx.state.asyncActions.get(id);
	if (!action) throw notFound('async_action', id);
	return action;
}
