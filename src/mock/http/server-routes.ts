import type { HttpHandler } from 'msw';
import { readVoucherDefinition } from '../input/voucher-definition.js';
import { bodyReader, queryReader } from '../input/reader.js';
import { readCustomerBody, readPage, readRedemptionTrackingId, readStackRedemption, readVoucherRedemption } from '../input/requests.js';
import { noContent, ok, type HttpEnvironment, type Router } from './router.js';

/** The server API of CONTRACT §2: secret keys, called by the shop's backend, tests and fixtures. */
export function serverRoutes({ core }: HttpEnvironment, { server: route }: Router): HttpHandler[] {
	return [
		route('post', '/vouchers/:code/redemption', async ({ path, query, json }) => {
			const body = await json();
			const trackingId = readRedemptionTrackingId(queryReader.string(query.tracking_id, 'tracking_id'), body);
			return ok(core.redeemVoucher(path.code ?? '', readVoucherRedemption(body, trackingId, 'API')));
		}),
		route('post', '/redemptions', async ({ json }) => ok(core.redeemStack(readStackRedemption(await json(), 'API')))),
		route('get', '/customers', ({ query }) => {
			const page = core.listCustomers({ ...readPage(query), email: queryReader.string(query.email, 'email') });
			return ok({ object: 'list', data_ref: 'customers', customers: page.items, total: page.total, has_more: page.has_more });
		}),
		route('post', '/customers', async ({ json }) => ok(core.upsertCustomer(readCustomerBody(await json())))),
		route('get', '/customers/:customer', ({ path }) => ok(core.getCustomer(path.customer ?? ''))),
		route('put', '/customers/:customer', async ({ path, json }) => ok(core.updateCustomer(path.customer ?? '', readCustomerBody(await json())))),
		route('delete', '/customers/:customer', ({ path }) => {
			core.deleteCustomer(path.customer ?? '');
			return noContent();
		}),
		route('get', '/customers/:customer/activity', ({ path, query }) => {
			const page = core.customerActivity(path.customer ?? '', readPage(query));
			return ok({ object: 'list', data_ref: 'data', data: page.items, has_more: page.has_more });
		}),
		route('get', '/vouchers/:code', ({ path }) => ok(core.getVoucher(path.code ?? ''))),
		route('post', '/vouchers/:code', async ({ path, json }) => ok(core.addVoucher(readVoucherDefinition(bodyReader, await json(), 'body', path.code)))),
		route('post', '/vouchers', async ({ json }) => ok(core.addVoucher(readVoucherDefinition(bodyReader, await json(), 'body')))),
	];
}
