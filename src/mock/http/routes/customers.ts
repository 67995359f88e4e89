import type { HttpHandler } from 'msw';
import { readActivitiesQuery } from '../../input/customer-admin.js';
import { readActivityListQuery } from '../../input/activity-list.js';
import { queryReader } from '../../input/reader.js';
import { readConsents, readCustomerBody, readPage } from '../../input/requests.js';
import { presentCustomer } from '../../domain/customers/customer.js';
import { noContent, ok, type HttpEnvironment, type Router } from '../router.js';
import { trackingIdOf } from './visitor.js';

/** Customers: created and consenting from the client API; read, upserted, deleted and their activity from the server API. */
export function customerRoutes({ core }: HttpEnvironment, { client, server }: Router): HttpHandler[] {
	return [
		client('post', '/customers', async ({ json }) => {
			const input = readCustomerBody(await json());
			if (input.id !== undefined) {
				const customer = presentCustomer(core.upsertCustomer(input));
				return ok({ ...customer, tracking_id: customer.source_id });
			}
			const trackingId = core.resolveTrackingId(undefined, input.source_id);
			return ok({ ...presentCustomer(core.upsertCustomer({ ...input, source_id: trackingId })), tracking_id: trackingId });
		}),
		client('get', '/consents', ({ query }) => ok({ ...core.listConsents(), tracking_id: trackingIdOf(core, query) })),
		client('put', '/customers/:customer/consents', async ({ path, json }) => {
			core.updateConsents(path.customer ?? '', readConsents(await json()));
			return noContent();
		}),
		server('get', '/customers', ({ query }) => {
			const page = core.listCustomers({ ...readPage(query), email: queryReader.string(query.email, 'email') });
			return ok({ object: 'list', data_ref: 'customers', customers: page.items.map(presentCustomer), total: page.total, has_more: page.has_more });
		}),
		server('post', '/customers', async ({ json }) => ok(presentCustomer(core.upsertCustomer(readCustomerBody(await json()))))),
		server('get', '/customers/:customer', ({ path }) => ok(presentCustomer(core.getCustomer(path.customer ?? '')))),
		server('put', '/customers/:customer', async ({ path, json }) => ok(presentCustomer(core.updateCustomer(path.customer ?? '', readCustomerBody(await json()))))),
		server('delete', '/customers/:customer', ({ path }) => {
			core.deleteCustomer(path.customer ?? '');
			return noContent();
		}),
		server('post', '/customers/:customer/permanent-deletion', ({ path }) => ok(core.deleteCustomerPermanently(path.customer ?? ''))),
		server('get', '/customers/:customer/activity', ({ path, query }) => {
			return ok({ object: 'list', data_ref: 'data', ...core.customerActivity(path.customer ?? '', readActivityListQuery(query)) });
		}),
		server('get', '/customers/:customer/activities', ({ path, query }) =>
			ok({ object: 'list', data_ref: 'data', ...core.customerActivities(path.customer ?? '', readActivitiesQuery(query)) }),
		),
		server('get', '/customers/:customer/segments', ({ path }) => {
			const data = core.customerSegments(path.customer ?? '');
			return ok({ object: 'list', total: data.length, data_ref: 'data', data });
		}),
	];
}
