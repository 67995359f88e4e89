import type { DomainContext } from '../shared/context.js';
import { createCustomer, withFields, type Customer, type CustomerFields, type CustomerInput } from './customer.js';
import { DomainError, notFound } from '../shared/errors.js';
import { paginate, type Page, type PageQuery } from '../shared/paging.js';
import { indexDeleted, indexSaved, sourceIdIndex } from './source-id-index.js';
import { profileChanged, recordLifecycle } from './lifecycle.js';

/** By Voucherify id (`cust_…`). */
export const findCustomerById = (ctx: DomainContext, id: string): Customer | undefined => ctx.state.customers.get(id);

/** By the caller's own id, through the `source_id` index. */
export function findCustomerBySourceId(ctx: DomainContext, sourceId: string): Customer | undefined {
	const id = sourceIdIndex(ctx.state.customers).get(sourceId);
	return id === undefined ? undefined : ctx.state.customers.get(id);
}

/** Looks a customer up the way `/customers/{id or source_id}` paths do: id first, then source_id. */
export const findCustomer = (ctx: DomainContext, idOrSourceId: string): Customer | undefined =>
	findCustomerById(ctx, idOrSourceId) ?? findCustomerBySourceId(ctx, idOrSourceId);

/** Like {@link findCustomer}, but a missing customer is `not_found`. */
export function requireCustomer(ctx: DomainContext, idOrSourceId: string): Customer {
	const customer = findCustomer(ctx, idOrSourceId);
	if (!customer) throw notFound('customer', idOrSourceId);
	return customer;
}

function requireCustomerById(ctx: DomainContext, id: string): Customer {
	const customer = findCustomerById(ctx, id);
	if (!customer) throw notFound('customer', id);
	return customer;
}

/** Stores a new version of a customer; records are replaced, never mutated. */
export function saveCustomer(ctx: DomainContext, customer: Customer): Customer {
	const previous = ctx.state.customers.get(customer.id);
	ctx.state.customers.set(customer.id, customer);
	indexSaved(ctx.state.customers, previous, customer);
	ctx.customerChanged?.(customer.id);
	return customer;
}

/** Creates and stores a customer, its activity starting with `customer.created`. */
export function addCustomer(ctx: DomainContext, sourceId: string | null, fields: CustomerFields): Customer {
	const customer = saveCustomer(ctx, createCustomer(ctx.ids.customer(), sourceId, fields, ctx.now()));
	recordLifecycle(ctx, customer, 'customer.created');
	return customer;
}

/** Stores a customer's new profile; `customer.updated` is recorded when it says something new. */
export function saveProfile(ctx: DomainContext, before: Customer, after: Customer): Customer {
	if (after === before) return before;
	const saved = saveCustomer(ctx, after);
	if (profileChanged(before, saved)) recordLifecycle(ctx, saved, 'customer.updated');
	return saved;
}

/** The customer with `fields` upserted and stored (see {@link saveProfile}). */
export const updateProfile = (ctx: DomainContext, customer: Customer, fields: CustomerFields): Customer => saveProfile(ctx, customer, withFields(customer, fields, ctx.now()));

/**
`POST /customers`: creates the customer, or upserts the one with the same `source_id`. An `id` wins, as it does on
redemption (CONTRACT §5): it upserts that customer, keeps its `source_id`, and is `not_found` when unknown,
so a stale id never quietly creates a second customer.
*/
export function upsertCustomer(ctx: DomainContext, input: CustomerInput): Customer {
	if (input.id !== undefined) return updateProfile(ctx, requireCustomerById(ctx, input.id), input);
	const existing = input.source_id === undefined ? undefined : findCustomerBySourceId(ctx, input.source_id);
	if (existing) return updateProfile(ctx, existing, input);
	return addCustomer(ctx, input.source_id ?? null, input);
}

/** `PUT /customers/{id or source_id}`: updates fields; a new `source_id` must not belong to someone else. */
export function updateCustomer(ctx: DomainContext, idOrSourceId: string, input: CustomerInput): Customer {
	const customer = requireCustomer(ctx, idOrSourceId);
	const sourceId = input.source_id;
	if (sourceId !== undefined && sourceId !== customer.source_id) {
		if (findCustomerBySourceId(ctx, sourceId)) {
			throw new DomainError('duplicate_source_id', 'Duplicate source_id', `Another customer already has source_id ${sourceId}`);
		}
		return saveProfile(ctx, customer, { ...withFields(customer, input, ctx.now()), source_id: sourceId, updated_at: ctx.now().toISOString() });
	}
	return updateProfile(ctx, customer, input);
}

/** `DELETE /customers/{id or source_id}`: the customer, its activity and its tracking ids go. */
export function deleteCustomer(ctx: DomainContext, idOrSourceId: string): void {
	const customer = requireCustomer(ctx, idOrSourceId);
	removeCustomer(ctx, customer);
}

/** Removes the customer, its activity, its tracking ids and its segment memberships, leaving no trace. */
export function removeCustomer(ctx: DomainContext, customer: Customer): void {
	ctx.state.customers.delete(customer.id);
	indexDeleted(ctx.state.customers, customer);
	ctx.state.customerActivity.delete(customer.id);
	for (const [trackingId, ownerId] of ctx.state.trackingOwners) if (ownerId === customer.id) ctx.state.trackingOwners.delete(trackingId);
	ctx.state.segmentMemberships.delete(customer.id);
	ctx.customerChanged?.(customer.id);
}

/** Filters of `GET /v1/customers`. */
export interface CustomerListQuery extends PageQuery {
	readonly email?: string;
}

/** Newest first, like the real API's default `-created_at`. */
export function listCustomers(ctx: DomainContext, query: CustomerListQuery): Page<Customer> {
	const email = query.email?.toLowerCase();
	const matching = [...ctx.state.customers.values()].filter((customer) => email === undefined || customer.email?.toLowerCase() === email);
	return paginate(matching.reverse(), query);
}
