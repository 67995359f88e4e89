import type { HttpHandler } from 'msw';
import type { CustomerInput } from '../domain/customer.js';
import { DomainError } from '../domain/errors.js';
import { TIER_ORDERS } from '../domain/tiers.js';
import type { QueryObject } from '../input/query-string.js';
import { queryReader } from '../input/reader.js';
import {
	readConsents,
	readCustomerBody,
	readCustomEvent,
	readPage,
	readPublish,
	readQualification,
	readStackRedemption,
	readStackValidation,
	readValidationQuery,
	readVoucherRedemption,
} from '../input/requests.js';
import { noContent, ok, type HttpEnvironment, type Router } from './router.js';

const requiredQuery = (query: QueryObject, name: string): string => {
	const value = queryReader.string(query[name], name)?.trim();
	if (!value) throw new DomainError('invalid_query_params', 'Invalid query params', `The ${name} query parameter is required`);
	return value;
};

/** The client API of CONTRACT §1: public keys, called from the browser. Every JSON answer carries the call's `tracking_id`. */
export function clientRoutes({ core }: HttpEnvironment, { client: route }: Router): HttpHandler[] {
	/** The tracking id of a GET: the one it carried, or a new one. */
	const trackingIdOf = (query: QueryObject) => core.resolveTrackingId(queryReader.string(query.tracking_id, 'tracking_id'));
	/** Redeem, publish and events name the visitor by `customer.source_id`; a call naming nobody gets a new id. */
	const visitorOf = (customer: CustomerInput | undefined) => (customer?.id === undefined ? core.resolveTrackingId(undefined, customer?.source_id) : customer.source_id);

	return [
		route('get', '/validate', ({ query }) => {
			const { code, ...request } = readValidationQuery(query);
			if (!code) throw new DomainError('invalid_query_params', 'Invalid query params', 'The code query parameter is required');
			return ok(core.validateVoucher(code, request));
		}),
		route('get', '/promotions/validation', ({ query }) => {
			const { code: _ignored, ...request } = readValidationQuery(query);
			return ok(core.validatePromotions(request));
		}),
		route('get', '/promotions/tiers', ({ query }) => {
			const page = core.listTiers({
				...readPage(query),
				isAvailable: queryReader.boolean(query.is_available, 'is_available'),
				order: queryReader.oneOf(query.order, 'order', TIER_ORDERS),
			});
			return ok({ object: 'list', data_ref: 'tiers', tiers: page.items, total: page.total, has_more: page.has_more, tracking_id: trackingIdOf(query) });
		}),
		route('post', '/validations', async ({ json }) => {
			const { refs, request } = readStackValidation(await json());
			return ok(core.validateStack(refs, request));
		}),
		route('post', '/redeem', async ({ query, json }) => {
			const code = requiredQuery(query, 'code');
			const request = readVoucherRedemption(await json(), undefined, 'CLIENT_API');
			return ok(core.redeemVoucher(code, { ...request, trackingId: visitorOf(request.customer) }));
		}),
		route('post', '/redemptions', async ({ json }) => {
			const request = readStackRedemption(await json(), 'CLIENT_API');
			const trackingId = request.trackingId ?? visitorOf(request.customer);
			return ok({ ...core.redeemStack({ ...request, trackingId }), tracking_id: trackingId ?? null });
		}),
		route('post', '/publish', async ({ query, json }) => ok(core.publish(readPublish(await json(), requiredQuery(query, 'campaign'))))),
		route('post', '/events', async ({ json }) => ok(core.trackEvent(readCustomEvent(await json())))),
		route('get', '/vouchers', ({ query }) => {
			const filters = {
				campaign: queryReader.string(query.campaign, 'campaign'),
				category: queryReader.string(query.category, 'category'),
				customer: queryReader.string(query.customer, 'customer'),
			};
			const page = core.listVouchers({ ...readPage(query), ...filters });
			return ok({ object: 'list', data_ref: 'vouchers', vouchers: page.items, total: page.total, has_more: page.has_more, tracking_id: trackingIdOf(query) });
		}),
		route('post', '/customers', async ({ json }) => {
			const input = readCustomerBody(await json());
			if (input.id !== undefined) {
				const customer = core.upsertCustomer(input);
				return ok({ ...customer, tracking_id: customer.source_id });
			}
			const trackingId = core.resolveTrackingId(undefined, input.source_id);
			return ok({ ...core.upsertCustomer({ ...input, source_id: trackingId }), tracking_id: trackingId });
		}),
		route('get', '/consents', ({ query }) => ok({ ...core.listConsents(), tracking_id: trackingIdOf(query) })),
		route('put', '/customers/:customer/consents', async ({ path, json }) => {
			core.updateConsents(path.customer ?? '', readConsents(await json()));
			return noContent();
		}),
		route('post', '/qualifications', async ({ json }) => ok(core.qualify(readQualification(await json())))),
	];
}
