import type { Activity } from '../tracking/activity.js';
import type { DomainContext } from '../shared/context.js';
import { presentCustomer, type Customer } from './customer.js';

/** The profile's own lifecycle in its activity (CONTRACT §8); `customer.deleted` is never kept, since deletion removes the activity too (§7). */
export type LifecycleType = 'customer.created' | 'customer.updated';

/**
 * Appends `customer.created` or `customer.updated` to the customer's activity, its data the customer as the API
 * answered it then (`{customer}`, as the API reference's event data shows). It counts in no summary, so the
 * customer record itself is left as it is.
 */
export function recordLifecycle(ctx: DomainContext, customer: Customer, type: LifecycleType): void {
	const activity: Activity = { id: ctx.ids.activity(), type, data: { customer: presentCustomer(customer) }, created_at: ctx.now().toISOString() };
	const activities = ctx.state.customerActivity.get(customer.id);
	if (activities) activities.push(activity);
	else ctx.state.customerActivity.set(customer.id, [activity]);
}

const PROFILE_KEYS = ['source_id', 'name', 'email', 'phone', 'description', 'birthdate', 'address', 'metadata'] as const;

/** Whether an update changed what the profile says (an upsert repeating the stored values changes nothing). */
export const profileChanged = (before: Customer, after: Customer): boolean => PROFILE_KEYS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
