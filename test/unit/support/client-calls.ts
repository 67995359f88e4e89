import type { VoucherifyClient } from '../../../src/index.js';
import type { RecordedRequest } from './api.js';
import { jsonOf } from './mock-api.js';

/**
One happy-path call of every client method against the mock's fixtures, with where CONTRACT §3 says the visitor's
identity travels in that call: the `tracking_id` query on GETs, a body `tracking_id` on validations (validate with a code included), redemptions and
qualifications, `customer.source_id` on redeem, publish and events, the body's `source_id` on customers, and the
path of a consents update.
*/
export type ClientCall = {
	name: string;
	method: 'GET' | 'POST' | 'PUT';
	/** The pathname the call must hit, given the visitor's tracking id. */
	pathname(trackingId: string): string;
	run(client: VoucherifyClient): Promise<unknown>;
	/** The identity the request carried, read from where this call carries it. */
	sentIdentity(request: RecordedRequest): Promise<unknown>;
};

const fromQuery = async (request: RecordedRequest) => request.url.searchParams.get('tracking_id');
const fromBody = async (request: RecordedRequest) => (await jsonOf(request)).tracking_id;
const fromCustomer = async (request: RecordedRequest) => ((await jsonOf(request)).customer as { source_id?: unknown } | undefined)?.source_id;
const ORDER = { amount: 20_000 };

export const CLIENT_CALLS: ClientCall[] = [
	{
		name: 'validate',
		method: 'POST',
		pathname: () => '/client/v1/validations',
		run: (client) => client.validate({ code: 'WELCOME10', amount: 20_000 }),
		sentIdentity: fromBody,
	},
	{
		name: 'validate promotions',
		method: 'GET',
		pathname: () => '/client/v1/promotions/validation',
		run: (client) => client.validate({ amount: 20_000 }),
		sentIdentity: fromQuery,
	},
	{
		name: 'validateStackable',
		method: 'POST',
		pathname: () => '/client/v1/validations',
		run: (client) => client.validateStackable({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: ORDER }),
		sentIdentity: fromBody,
	},
	{
		name: 'redeem',
		method: 'POST',
		pathname: () => '/client/v1/redeem',
		run: (client) => client.redeem('SAVE5', { order: ORDER }),
		sentIdentity: fromCustomer,
	},
	{
		name: 'redeemStackable',
		method: 'POST',
		pathname: () => '/client/v1/redemptions',
		run: (client) => client.redeemStackable({ redeemables: [{ object: 'voucher', id: 'SAVE5' }], order: ORDER }),
		sentIdentity: fromBody,
	},
	{
		name: 'publish',
		method: 'POST',
		pathname: () => '/client/v1/publish',
		run: (client) => client.publish('Welcome Codes'),
		sentIdentity: fromCustomer,
	},
	{
		name: 'track',
		method: 'POST',
		pathname: () => '/client/v1/events',
		run: (client) => client.track('newsletter_signup', { metadata: { list: 'weekly' } }),
		sentIdentity: fromCustomer,
	},
	{
		name: 'listVouchers',
		method: 'GET',
		pathname: () => '/client/v1/vouchers',
		run: (client) => client.listVouchers({ category: 'welcome' }),
		sentIdentity: fromQuery,
	},
	{
		name: 'createCustomer',
		method: 'POST',
		pathname: () => '/client/v1/customers',
		run: (client) => client.createCustomer({ name: 'Alice' }),
		sentIdentity: async (request) => (await jsonOf(request)).source_id,
	},
	{
		name: 'listConsents',
		method: 'GET',
		pathname: () => '/client/v1/consents',
		run: (client) => client.listConsents(),
		sentIdentity: fromQuery,
	},
	{
		name: 'updateConsents',
		method: 'PUT',
		pathname: (trackingId) => `/client/v1/customers/${encodeURIComponent(trackingId)}/consents`,
		run: (client) => client.updateConsents(undefined, { cnst_newsletter: true }),
		sentIdentity: async (request) => decodeURIComponent(request.url.pathname.split('/')[4] ?? ''),
	},
	{
		name: 'qualifications',
		method: 'POST',
		pathname: () => '/client/v1/qualifications',
		run: (client) => client.qualifications({ order: ORDER }),
		sentIdentity: fromBody,
	},
	{
		name: 'listPromotionTiers',
		method: 'GET',
		pathname: () => '/client/v1/promotions/tiers',
		run: (client) => client.listPromotionTiers({ is_available: true }),
		sentIdentity: fromQuery,
	},
];
