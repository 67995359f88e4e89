import type { DomainContext } from '../shared/context.js';
import type { Customer } from '../customers/customer.js';
import { findCustomer } from '../customers/customers.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { Metadata } from '../orders/order.js';
import type { CustomerFacts } from './fields.js';
import { compileFilter, matchesFilter, type CompiledFilter } from './filter.js';
import type { Segment } from '../shared/records.js';

export type { Segment } from '../shared/records.js';

/** The cap the seeds give for a static segment. */
export const MAX_STATIC_SEGMENT_SIZE = 20_000;

/** `POST /v1/segments`, read. */
export type SegmentInput =
	| { readonly name: string; readonly type: 'static'; readonly customers: readonly string[]; readonly metadata?: Metadata }
	| { readonly name: string; readonly type: 'auto-update'; readonly filter: Readonly<Record<string, unknown>>; readonly metadata?: Metadata };

/** The short form `GET /v1/customers/{id}/segments` lists. */
export interface SegmentReference {
	readonly id: string;
	readonly name: string;
	readonly object: 'segment';
}

/** How many times the customer tracked each custom event. */
export function eventCountsOf(ctx: DomainContext, customerId: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const activity of ctx.state.customerActivity.get(customerId) ?? []) {
		const event = activity.data.event;
		if (activity.type === 'customer.custom_event' && typeof event === 'string') counts[event] = (counts[event] ?? 0) + 1;
	}
	return counts;
}

/** What filters read about a stored customer. */
export const factsOf = (ctx: DomainContext, customer: Customer): CustomerFacts => ({ customer, eventCounts: eventCountsOf(ctx, customer.id) });

const compiledAutoSegments = (ctx: DomainContext) =>
	[...ctx.state.segments.values()].flatMap((segment): { id: string; filter: CompiledFilter }[] =>
		segment.type === 'auto-update' && segment.filter ? [{ id: segment.id, filter: compileFilter(segment.filter) }] : [],
	);

function setMemberships(ctx: DomainContext, customerId: string, segmentIds: readonly string[]): void {
	const current = ctx.state.segmentMemberships.get(customerId);
	if (segmentIds.length === 0) ctx.state.segmentMemberships.delete(customerId);
	else if (!current || current.length !== segmentIds.length || current.some((id, index) => id !== segmentIds[index])) {
		ctx.state.segmentMemberships.set(customerId, [...segmentIds]);
	}
}

/**
 * Re-evaluates every auto-update segment for these customers; static memberships stay as they are.
 * A customer that no longer exists leaves every segment. Called once at the end of each operation
 * that changed customers, so membership is current before the next call reads it.
 */
export function refreshMemberships(ctx: DomainContext, customerIds: Iterable<string>): void {
	const segments = compiledAutoSegments(ctx);
	const now = ctx.now();
	for (const customerId of customerIds) {
		const customer = ctx.state.customers.get(customerId);
		if (!customer) {
			ctx.state.segmentMemberships.delete(customerId);
			continue;
		}
		const facts = factsOf(ctx, customer);
		const statics = (ctx.state.segmentMemberships.get(customerId) ?? []).filter((id) => ctx.state.segments.get(id)?.type === 'static');
		setMemberships(ctx, customerId, [...statics, ...segments.filter(({ filter }) => matchesFilter(filter, facts, now)).map(({ id }) => id)]);
	}
}

/** Ids of the segments a customer belongs to; an anonymous visitor belongs to none. */
export const segmentIdsOf = (ctx: DomainContext, customerId: string | undefined): readonly string[] =>
	customerId === undefined ? [] : (ctx.state.segmentMemberships.get(customerId) ?? []);

function staticMembers(ctx: DomainContext, ids: readonly string[]): string[] {
	if (ids.length > MAX_STATIC_SEGMENT_SIZE) {
		throw new DomainError('invalid_payload', 'Invalid payload', `customers lists ${ids.length} customers; a static segment holds at most ${MAX_STATIC_SEGMENT_SIZE}`);
	}
	const members = ids.map((id) => {
		const customer = findCustomer(ctx, id);
		if (!customer) throw notFound('customer', id);
		return customer.id;
	});
	return [...new Set(members)];
}

/** `POST /v1/segments`: a static segment of the listed customers, or an auto-update one every customer is checked against now. */
export function createSegment(ctx: DomainContext, input: SegmentInput): Segment {
	const members = input.type === 'static' ? staticMembers(ctx, input.customers) : [];
	const filter = input.type === 'auto-update' ? input.filter : null;
	if (filter) compileFilter(filter);
	const segment: Segment = {
		id: ctx.ids.segment(),
		object: 'segment',
		name: input.name,
		type: input.type,
		filter,
		customers: null,
		metadata: input.metadata ?? {},
		created_at: ctx.now().toISOString(),
	};
	ctx.state.segments.set(segment.id, segment);
	for (const customerId of members) setMemberships(ctx, customerId, [...segmentIdsOf(ctx, customerId), segment.id]);
	if (input.type === 'auto-update') refreshMemberships(ctx, [...ctx.state.customers.keys()]);
	return segment;
}

/** `GET /v1/segments/{id}`. */
export function getSegment(ctx: DomainContext, id: string): Segment {
	const segment = ctx.state.segments.get(id);
	if (!segment) throw notFound('segment', id);
	return segment;
}

/** `DELETE /v1/segments/{id}`: the segment goes, and every customer leaves it. */
export function deleteSegment(ctx: DomainContext, id: string): void {
	getSegment(ctx, id);
	ctx.state.segments.delete(id);
	for (const [customerId, segmentIds] of ctx.state.segmentMemberships) {
		if (segmentIds.includes(id)) setMemberships(ctx, customerId, segmentIds.filter((segmentId) => segmentId !== id));
	}
}

/** `GET /v1/segments`, oldest first. */
export const listSegments = (ctx: DomainContext): Segment[] => [...ctx.state.segments.values()];

/** `GET /v1/customers/{id}/segments`. */
export function customerSegments(ctx: DomainContext, customer: Customer): SegmentReference[] {
	return segmentIdsOf(ctx, customer.id).flatMap((id) => {
		const segment = ctx.state.segments.get(id);
		return segment ? [{ id: segment.id, name: segment.name, object: 'segment' as const }] : [];
	});
}
