import type { DomainContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { jobPhase } from '../shared/jobs.js';
import type { AsyncAction } from '../shared/records.js';

export type { AsyncAction, BulkUpdateResult, ImportLine, ImportResult } from '../shared/records.js';

/** Stores a finished async action and answers its id. */
export function recordAsyncAction(ctx: DomainContext, action: Omit<AsyncAction, 'id' | 'object' | 'created_at'>): AsyncAction {
	const record = { id: ctx.ids.asyncAction(), object: 'async_action', created_at: ctx.now().toISOString(), ...action } as AsyncAction;
	ctx.state.asyncActions.set(record.id, record);
	return record;
}

/** `GET /v1/async-actions/{id}`: `IN_PROGRESS` with no result until the job delay has passed, then `DONE`. */
export function getAsyncAction(ctx: DomainContext, id: string) {
	const action = ctx.state.asyncActions.get(id);
	if (!action) throw notFound('async_action', id);
	if (jobPhase(ctx, action.created_at) === 'pending') return { ...action, status: 'IN_PROGRESS', progress: 0, updated_at: null, result: null };
	const doneAt = new Date(Date.parse(action.created_at) + ctx.jobDelayMs).toISOString();
	return { ...action, status: 'DONE', progress: 100, updated_at: doneAt };
}
