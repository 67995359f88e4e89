import type { HttpHandler } from 'msw';
import { TIER_ORDERS } from '../../domain/vouchers/tiers.js';
import { readVoucherDefinition } from '../../input/voucher-definition.js';
import { bodyReader, queryReader } from '../../input/reader.js';
import { readPage, readPublish } from '../../input/requests.js';
import { ok, type HttpEnvironment, type Router } from '../router.js';
import { requiredQuery, trackingIdOf } from './visitor.js';

/** Vouchers, promotion tiers and publications: listing and publishing from the client API, creating from the server API. */
export function voucherRoutes({ core }: HttpEnvironment, { client, server }: Router): HttpHandler[] {
	return [
		client('get', '/vouchers', ({ query }) => {
			const filters = {
				campaign: queryReader.string(query.campaign, 'campaign'),
				category: queryReader.string(query.category, 'category'),
				customer: queryReader.string(query.customer, 'customer'),
			};
			const page = core.listVouchers({ ...readPage(query), ...filters });
			return ok({ object: 'list', data_ref: 'vouchers', vouchers: page.items, total: page.total, has_more: page.has_more, tracking_id: trackingIdOf(core, query) });
		}),
		client('get', '/promotions/tiers', ({ query }) => {
			const page = core.listTiers({
				...readPage(query),
				isAvailable: queryReader.boolean(query.is_available, 'is_available'),
				order: queryReader.oneOf(query.order, 'order', TIER_ORDERS),
			});
			return ok({ object: 'list', data_ref: 'tiers', tiers: page.items, total: page.total, has_more: page.has_more, tracking_id: trackingIdOf(core, query) });
		}),
		client('post', '/publish', async ({ query, json }) => ok(core.publish(readPublish(await json(), requiredQuery(query, 'campaign'))))),
		server('get', '/vouchers/:code', ({ path }) => ok(core.getVoucher(path.code ?? ''))),
		server('post', '/vouchers/:code', async ({ path, json }) => ok(core.addVoucher(readVoucherDefinition(bodyReader, await json(), 'body', path.code)))),
		server('post', '/vouchers', async ({ json }) => ok(core.addVoucher(readVoucherDefinition(bodyReader, await json(), 'body')))),
	];
}
