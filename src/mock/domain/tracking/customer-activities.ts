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
