import type { ActivityListQuery } from '../domain/tracking/customer-activities.js';
import type { QueryObject } from './query-string.js';
import { queryReader as query } from './reader.js';

/** `GET /v1/customers/{id}/activity`: `limit` (1–100, default 10), `order`, `starting_after_id`, and the older `page`. */
export function readActivityListQuery(params: QueryObject): ActivityListQuery {
	const limit = query.integer(params.limit, 'limit') ?? 10;
	if (limit < 1 || limit > 100) throw query.invalid('limit', 'an integer from 1 to 100');
	const order = query.oneOf(params.order, 'order', ['created_at', '-created_at'] as const) ?? '-created_at';
	const startingAfterId = query.string(params.starting_after_id, 'starting_after_id') || undefined;
	const page = query.integer(params.page, 'page');
	if (page !== undefined && page < 1) throw query.invalid('page', 'an integer of at least 1');
	return { limit, order, ...(startingAfterId === undefined ? {} : { startingAfterId }), ...(page === undefined ? {} : { page }) };
}
