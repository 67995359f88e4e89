import type { Activity } from './activity.js';
import type { DomainContext } from '../shared/context.js';
import { requireCustomer } from '../customers/customers.js';
import { DomainError } from '../shared/errors.js';

/** `GET /v1/customers/{id}/activities` query: a page size and a cursor. */
export interface ActivitiesQuery {
	readonly limit: number;
	/** An activity id (the `more_starting_after` of the previous page), or an ISO date: only older entries follow. */
	readonly startingAfter?: string;
}

/** One page of `/activities`, newest first, with the cursor of the next page. */
export interface ActivitiesPage {
	readonly data: Activity[];
	readonly has_more: boolean;
	readonly more_starting_after: string | null;
}

function startIndex(newestFirst: readonly Activity[], startingAfter: string | undefined): number {
	if (startingAfter === undefined) return 0;
	const position = newestFirst.findIndex((activity) => activity.id === startingAfter);
	if (position !== -1) return position + 1;
	const time = Date.parse(startingAfter);
	if (Number.isNaN(time)) throw new DomainError('invalid_query_params', 'Invalid query params', 'starting_after must be an activity id of this customer or an ISO 8601 date');
	const older = newestFirst.findIndex((activity) => Date.parse(activity.created_at) < time);
	return older === -1 ? newestFirst.length : older;
}

/** A customer's activity by cursor, newest first (the newer of the two activity routes). */
export function customerActivities(ctx: DomainContext, idOrSourceId: string, query: ActivitiesQuery): ActivitiesPage {
	const customer = requireCustomer(ctx, idOrSourceId);
	const newestFirst = [...(ctx.state.customerActivity.get(customer.id) ?? [])].reverse();
	const start = startIndex(newestFirst, query.startingAfter);
	const data = newestFirst.slice(start, start + query.limit);
	const has_more = start + query.limit < newestFirst.length;
	return { data, has_more, more_starting_after: has_more ? (data.at(-1)?.id ?? null) : null };
}

/** `GET /v1/customers/{id}/activity` query: by cursor (`starting_after_id`, `order`), or by the older `page`. */
export interface ActivityListQuery {
	readonly limit: number;
	readonly order: 'created_at' | '-created_at';
	readonly startingAfterId?: string;
	/** Counts from 1; kept for callers of the mock's first form of this route. */
	readonly page?: number;
}

/** One page of `/activity`: `more_starting_after` is there exactly when `has_more` is true, as the live API answers. */
export interface ActivityListPage {
	readonly data: Activity[];
	readonly has_more: boolean;
	readonly more_starting_after?: string;
}

/** A customer's activity in the order asked for (newest first by default), one page after a cursor or by page number. */
export function customerActivityList(ctx: DomainContext, idOrSourceId: string, query: ActivityListQuery): ActivityListPage {
	const customer = requireCustomer(ctx, idOrSourceId);
	const oldestFirst = ctx.state.customerActivity.get(customer.id) ?? [];
	const ordered = query.order === 'created_at' ? [...oldestFirst] : [...oldestFirst].reverse();
	let start = query.page === undefined ? 0 : (query.page - 1) * query.limit;
	if (query.startingAfterId !== undefined) {
		const position = ordered.findIndex((activity) => activity.id === query.startingAfterId);
		if (position === -1) throw new DomainError('invalid_query_params', 'Invalid query params', `starting_after_id ${query.startingAfterId} is not an activity of this customer`);
		start = position + 1;
	}
	const data = ordered.slice(start, start + query.limit);
	const last = data.at(-1);
	return start + query.limit < ordered.length && last ? { data, has_more: true, more_starting_after: last.id } : { data, has_more: false };
}
