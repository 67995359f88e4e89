import { chronological, countActivity, type Activity, type ActivityType } from './activity.js';
import type { DomainContext } from '../shared/context.js';
import type { Customer } from '../customers/customer.js';
import { findCustomerById, findCustomerBySourceId, saveCustomer } from '../customers/customers.js';

/**
 * The tracking id a client call is recorded under: the one it carried, else its `customer.source_id`,
 * else a new one the answer returns (so the very first validate counts too).
 */
export const resolveTrackingId = (ctx: DomainContext, carried?: string, sourceId?: string): string =>
	carried || sourceId || ctx.ids.trackingId();

/** The customer a tracking id belongs to: the one its activity was merged into, else the one whose `source_id` it is. */
export function ownerOf(ctx: DomainContext, trackingId: string): Customer | undefined {
	const ownerId = ctx.state.trackingOwners.get(trackingId);
	return (ownerId === undefined ? undefined : findCustomerById(ctx, ownerId)) ?? findCustomerBySourceId(ctx, trackingId);
}

/**
 * Adds activity to a customer. A new entry is always the newest, so it is appended; moved anonymous
 * entries may be older than the customer's own, so those are merged in date order.
 * Customer records are replaced on every change, so this reads the current one by id.
 */
function appendToCustomer(ctx: DomainContext, customerId: string, activities: readonly Activity[], merge: boolean): void {
	const customer = findCustomerById(ctx, customerId);
	if (!customer) return;
	const existing = ctx.state.customerActivity.get(customer.id);
	if (!existing) ctx.state.customerActivity.set(customer.id, chronological(activities));
	else if (merge) ctx.state.customerActivity.set(customer.id, chronological([...existing, ...activities]));
	else existing.push(...activities);
	saveCustomer(ctx, { ...customer, summary: activities.reduce(countActivity, customer.summary) });
}

/** Where an activity goes: a known customer, or a tracking id (its owner if it has one, else anonymous). */
export type ActivitySubject = { readonly customer: Customer } | { readonly trackingId: string };

/** Records one activity and returns it. */
export function recordActivity(ctx: DomainContext, subject: ActivitySubject, type: ActivityType, data: Record<string, unknown>): Activity {
	const activity: Activity = { id: ctx.ids.activity(), type, data, created_at: ctx.now().toISOString() };
	const customer = 'customer' in subject ? subject.customer : ownerOf(ctx, subject.trackingId);
	if (customer) {
		appendToCustomer(ctx, customer.id, [activity], false);
	} else if ('trackingId' in subject) {
		const anonymous = ctx.state.anonymousActivity.get(subject.trackingId);
		if (anonymous) anonymous.push(activity);
		else ctx.state.anonymousActivity.set(subject.trackingId, [activity]);
	}
	return activity;
}

/** Moves consents given before the visitor became a customer; for each consent the later choice wins. */
function moveAnonymousConsents(ctx: DomainContext, trackingId: string, customerId: string): void {
	const anonymous = ctx.state.anonymousConsents.get(trackingId);
	const customer = findCustomerById(ctx, customerId);
	if (!anonymous || !customer) return;
	ctx.state.anonymousConsents.delete(trackingId);
	const merged = { ...customer.system_metadata.consents };
	for (const [id, consent] of Object.entries(anonymous)) {
		const current = merged[id];
		if (!current || Date.parse(current.date) <= Date.parse(consent.date)) merged[id] = consent;
	}
	saveCustomer(ctx, { ...customer, system_metadata: { ...customer.system_metadata, consents: merged } });
}

/** Codes published to the visitor before it became a customer are held by that customer from now on. */
function movePublications(ctx: DomainContext, trackingId: string, customerId: string): void {
	const { publications, vouchers } = ctx.state;
	publications.forEach((publication, index) => {
		if (publication.tracking_id !== trackingId || publication.customer_id !== null) return;
		publications[index] = { ...publication, customer_id: customerId };
		const voucher = vouchers.get(publication.voucher_code);
		if (voucher && voucher.holder_id === null) vouchers.set(voucher.code, { ...voucher, holder_id: customerId });
	});
}

/**
 * Makes `customer` the owner of `trackingId` and moves the anonymous activity of that id onto it.
 * Anonymous consents and published codes move too. The anonymous list is deleted as it moves, so it
 * moves exactly once. Returns how many activity entries moved.
 */
export function claimTrackingId(ctx: DomainContext, trackingId: string, customer: Customer): number {
	ctx.state.trackingOwners.set(trackingId, customer.id);
	moveAnonymousConsents(ctx, trackingId, customer.id);
	movePublications(ctx, trackingId, customer.id);
	const anonymous = ctx.state.anonymousActivity.get(trackingId);
	if (!anonymous) return 0;
	ctx.state.anonymousActivity.delete(trackingId);
	appendToCustomer(ctx, customer.id, anonymous, true);
	return anonymous.length;
}
