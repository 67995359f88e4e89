import { VoucherifyInvalidInputError } from '../../errors/invalid-input-error.js';
import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { checkAmount, checkBody, checkObject, checkText } from '../input.js';
import { toQueryString } from '../query.js';
import type { ConsentList, PromotionTierList, VoucherList } from '../types/answers.js';
import type { ConsentChoices, ListPromotionTiersParams, ListVouchersParams, QualificationsParams, RequestOptions } from '../types/params.js';
import type { QualificationsResult } from '../types/validation-answers.js';

type QueryParams = Record<string, string | number | boolean | undefined>;

/** A GET on behalf of the visitor (async, so bad input rejects rather than throws): filters are checked against their expected types, the tracking id goes last. */
async function getWithTrackingId<T>(
	context: ClientContext,
	path: string,
	params: unknown,
	types: Record<string, 'text' | 'count' | 'flag'>,
	options: RequestOptions | undefined,
): Promise<T> {
	const filters = checkObject(params, 'params') as QueryParams;
	for (const [key, value] of Object.entries(filters)) {
		const type = Object.hasOwn(types, key) ? types[key] : undefined;
		if (type === undefined) throw new VoucherifyInvalidInputError(key, `\`${key}\` is not a filter of ${path}`);
		if (value === undefined) continue;
		if (type === 'text') checkText(value, key);
		if (type === 'count') checkAmount(value, key, { positive: true });
		if (type === 'flag' && typeof value !== 'boolean') throw new VoucherifyInvalidInputError(key, `\`${key}\` must be a boolean`);
	}
	const signal = signalOf(options);
	return withTrackingId(context, signal, (trackingId) =>
		context.transport.send<T & { tracking_id?: unknown }>({
			method: 'get',
			path,
			query: toQueryString([...Object.entries(filters), ['tracking_id', trackingId]]),
			signal,
		}),
	);
}

/** `GET /client/v1/vouchers` (when the project allows it). */
export const listVouchers = (context: ClientContext, params?: ListVouchersParams, options?: RequestOptions) =>
	getWithTrackingId<VoucherList>(context, 'vouchers', params, { campaign: 'text', category: 'text', customer: 'text', page: 'count', limit: 'count' }, options);

/** `GET /client/v1/promotions/tiers`. */
export const listPromotionTiers = (context: ClientContext, params?: ListPromotionTiersParams, options?: RequestOptions) =>
	getWithTrackingId<PromotionTierList>(context, 'promotions/tiers', params, { is_available: 'flag', limit: 'count', page: 'count', order: 'text' }, options);

/** `GET /client/v1/consents`: the project's consent definitions. */
export const listConsents = (context: ClientContext, options?: RequestOptions) =>
	getWithTrackingId<ConsentList>(context, 'consents', undefined, {}, options);

/** `PUT /client/v1/customers/{id or source_id}/consents`; without a customer, the visitor's tracking id. */
export async function updateConsents(
	context: ClientContext,
	customer: string | undefined,
	consents: ConsentChoices,
	options?: RequestOptions,
): Promise<void> {
	const choices = checkObject(consents, 'consents');
	for (const [id, choice] of Object.entries(choices)) {
		if (typeof choice !== 'boolean') throw new VoucherifyInvalidInputError(`consents.${id}`, `\`consents.${id}\` must be true or false`);
	}
	const signal = signalOf(options);
	const customerId = customer === undefined ? context.tracker.trackingId : checkText(customer, 'customer');
	// `.` and `..` survive encodeURIComponent and would move the call to another path (`customers/../consents`).
	if (customerId === '.' || customerId === '..') {
		throw new VoucherifyInvalidInputError('customer', '`customer` must be a customer id or source_id, not a path segment');
	}
	if (customerId === undefined) {
		throw new VoucherifyInvalidInputError('customer', 'There is no tracking id yet: name the customer whose consents to update');
	}
	await context.transport.send<void>({ method: 'put', path: `customers/${encodeURIComponent(customerId)}/consents`, json: choices, signal });
}

/** `POST /client/v1/qualifications`: what the visitor's cart qualifies for, with the tracking id in the body. */
export async function qualifications(context: ClientContext, params?: QualificationsParams, options?: RequestOptions) {
	const body = checkBody(params);
	const signal = signalOf(options);
	return withTrackingId(context, signal, (trackingId) =>
		context.transport.send<QualificationsResult>({ method: 'post', path: 'qualifications', json: { ...body, tracking_id: trackingId }, signal }),
	);
}
