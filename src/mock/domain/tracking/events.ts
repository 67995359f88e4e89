import type { DomainContext } from '../shared/context.js';
import { referenceTo, type CustomerInput, type CustomerReference } from '../customers/customer.js';
import { requireCustomer } from '../customers/customers.js';
import type { Metadata } from '../orders/order.js';
import { anonymousReference } from '../vouchers/publications.js';
import { ownerOf, recordActivity, resolveTrackingId } from './tracking.js';

/** `POST /client/v1/events`. */
export interface CustomEventRequest {
	readonly event: string;
	readonly customer?: CustomerInput;
	readonly metadata?: Metadata;
}

/** The answer to a tracked event. */
export interface TrackedEvent {
	readonly object: 'event';
	readonly type: string;
	readonly customer: CustomerReference;
	readonly referral: null;
	readonly loyalty: null;
	readonly tracking_id: string;
}

/**
 * Records a custom event. An event from an unknown `source_id` stays anonymous activity of that
 * tracking id (CONTRACT §5) until a redemption merges it; the real API creates the customer at once.
 */
export function trackEvent(ctx: DomainContext, request: CustomEventRequest): TrackedEvent {
	const named = request.customer?.id === undefined ? undefined : requireCustomer(ctx, request.customer.id);
	const trackingId = resolveTrackingId(ctx, undefined, named?.source_id ?? request.customer?.source_id);
	const data = { event: request.event, tracking_id: trackingId, metadata: request.metadata ?? {} };
	recordActivity(ctx, named ? { customer: named } : { trackingId }, 'customer.custom_event', data);
	const owner = named ?? ownerOf(ctx, trackingId);
	return {
		object: 'event',
		type: request.event,
		customer: owner ? referenceTo(owner) : anonymousReference(trackingId),
		referral: null,
		loyalty: null,
		tracking_id: trackingId,
	};
}
