import type { DomainContext } from '../shared/context.js';
import { removeCustomer, requireCustomer } from './customers.js';
import { segmentIdsOf } from '../segments/segments.js';

/** `POST /v1/customers/{id}/permanent-deletion`, answered (the API spells the object `pernament_deletion`). */
export interface PermanentDeletion {
	readonly id: string;
	readonly object: 'pernament_deletion';
	readonly created_at: string;
	readonly related_object_id: string;
	readonly related_object: 'customer';
	readonly status: 'DONE';
	readonly data_json: {
		readonly events: number;
		readonly customer_events: number;
		readonly daily_events: number;
		readonly segments: number;
		readonly orders: number;
		readonly order_events: number;
		readonly customer: 1;
	};
}

/** Deletes the customer as `DELETE` does, with no `customer.deleted` left behind, and reports what went with it. */
export function deleteCustomerPermanently(ctx: DomainContext, idOrSourceId: string): PermanentDeletion {
	const customer = requireCustomer(ctx, idOrSourceId);
	const activity = ctx.state.customerActivity.get(customer.id) ?? [];
	const segments = segmentIdsOf(ctx, customer.id).length;
	removeCustomer(ctx, customer);
	return {
		id: ctx.ids.permanentDeletion(),
		object: 'pernament_deletion',
		created_at: ctx.now().toISOString(),
		related_object_id: customer.id,
		related_object: 'customer',
		status: 'DONE',
		data_json: {
			events: activity.length,
			customer_events: activity.filter((entry) => entry.type === 'customer.custom_event').length,
			daily_events: 0,
			segments,
			orders: customer.summary.orders.total_count,
			order_events: 0,
			customer: 1,
		},
	};
}
