import { describe, expect, test } from 'vitest';
import type { ListPromotionTiersParams, ListVouchersParams } from '../../src/index.js';
import {
	CLIENT_V1,
	TRACKING_ID,
	expectApiError,
	expectInvalidInput,
	makeClient,
	makeKnownVisitor,
	onlyRequest,
	useMockApi,
} from './support/mock-api.js';

/** listVouchers and listPromotionTiers against the mock API: exact queries, identity, answers, errors. */

useMockApi();

describe('listVouchers', () => {
	test('sends GET /client/v1/vouchers with the filters in the order given and no tracking_id on a first visit', async () => {
		await makeClient().listVouchers({ category: 'welcome', page: 1, limit: 5 });
		const request = onlyRequest();

		expect(request.method).toBe('GET');
		expect(request.url.href).toBe(`${CLIENT_V1}/vouchers?category=welcome&page=1&limit=5`);
		expect(request.headers.has('Content-Type')).toBe(false);
	});

	test('sends no query at all without filters on a first visit', async () => {
		await makeClient().listVouchers();

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/vouchers`);
	});

	test('adds the stored tracking id last, and percent-encodes every value once', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.listVouchers({ campaign: 'Welcome Codes', customer: 'crm+42@shop.example' });

		expect(onlyRequest().url.search).toBe(
			`?campaign=Welcome%20Codes&customer=crm%2B42%40shop.example&tracking_id=${encodeURIComponent(trackingId)}`,
		);
	});

	test('leaves out filters that are undefined', async () => {
		await makeClient().listVouchers({ campaign: undefined, limit: 2 });

		expect(onlyRequest().url.search).toBe('?limit=2');
	});

	test('resolves with the vouchers that match, the total and the paging', async () => {
		const list = await makeClient().listVouchers({ category: 'welcome' });

		expect(list).toMatchObject({ object: 'list', data_ref: 'vouchers', total: 1 });
		expect(list.vouchers.map(({ code, discount }) => [code, discount])).toEqual([['WELCOME10', { type: 'PERCENT', percent_off: 10 }]]);
	});

	test('pages with limit and page', async () => {
		const client = makeClient();
		const first = await client.listVouchers({ limit: 2 });
		const second = await client.listVouchers({ limit: 2, page: 2 });

		expect(first.vouchers.map(({ code }) => code)).toEqual(['WELCOME10', 'BIGSALE20']);
		expect(second.vouchers.map(({ code }) => code)).toEqual(['SAVE5', 'FREEITEM']);
		expect(first.total).toBe(9);
	});

	test('lists the code published to the visitor when filtered by its tracking id', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const { voucher } = await client.publish('Welcome Codes');
		const list = await client.listVouchers({ customer: trackingId });

		expect(list.vouchers.map(({ code }) => code)).toEqual([voucher.code]);
	});

	test('a first list keeps the tracking id the API answers with', async () => {
		const client = makeClient();
		await client.listVouchers();

		expect(client.trackingId).toMatch(TRACKING_ID);
	});

	test('rejects a limit above 100 with VoucherifyApiError 400 from the API', async () => {
		await expectApiError(makeClient().listVouchers({ limit: 101 }), 400, 'invalid_query_params');
	});

	test.each([
		['a negative limit', { limit: -1 }, 'limit'],
		['a zero limit', { limit: 0 }, 'limit'],
		['a fractional page', { page: 1.5 }, 'page'],
		['a limit given as a string', { limit: '10' }, 'limit'],
		['an empty campaign', { campaign: '' }, 'campaign'],
		['a customer that is not a string', { customer: { source_id: 'crm-42' } }, 'customer'],
		['an unknown filter', { status: 'ACTIVE' }, 'status'],
		['a tracking_id of its own', { tracking_id: 'track_mine' }, 'tracking_id'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, params, field) => {
		await expectInvalidInput(() => makeClient().listVouchers(params as ListVouchersParams), field);
	});

	test('rejects filters that are not an object with VoucherifyInvalidInputError and sends nothing', async () => {
		await expectInvalidInput(() => makeClient().listVouchers('Welcome Codes' as never), 'params');
	});
});

describe('listPromotionTiers', () => {
	test('sends GET /client/v1/promotions/tiers with the filters in the order given', async () => {
		await makeClient().listPromotionTiers({ is_available: true, limit: 10, page: 1, order: '-created_at' });
		const request = onlyRequest();

		expect(request.method).toBe('GET');
		expect(request.url.href).toBe(`${CLIENT_V1}/promotions/tiers?is_available=true&limit=10&page=1&order=-created_at`);
	});

	test('adds the stored tracking id as the last query parameter', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.listPromotionTiers({ is_available: false });

		expect(onlyRequest().url.search).toBe(`?is_available=false&tracking_id=${encodeURIComponent(trackingId)}`);
	});

	test('resolves with the tiers of the promotion campaign', async () => {
		const list = await makeClient().listPromotionTiers();

		expect(list).toMatchObject({ object: 'list', data_ref: 'tiers', total: 2, has_more: false });
		expect(list.tiers.map(({ id, action }) => [id, action?.discount])).toEqual([
			['promo_tier_5off', { type: 'PERCENT', percent_off: 5 }],
			['promo_tier_10off', { type: 'AMOUNT', amount_off: 1000 }],
		]);
		expect(list.tiers[0]?.campaign?.name).toBe('Spring Promotions');
	});

	test('pages and orders as asked', async () => {
		const list = await makeClient().listPromotionTiers({ limit: 1, order: '-created_at' });

		expect(list.tiers.map(({ id }) => id)).toEqual(['promo_tier_10off']);
		expect(list.has_more).toBe(true);
	});

	test('rejects an ordering the API does not know with VoucherifyApiError 400', async () => {
		await expectApiError(makeClient().listPromotionTiers({ order: 'name' as ListPromotionTiersParams['order'] }), 400, 'invalid_query_params');
	});

	test.each([
		['is_available given as a string', { is_available: 'yes' }, 'is_available'],
		['a negative limit', { limit: -1 }, 'limit'],
		['a fractional page', { page: 0.5 }, 'page'],
		['an unknown filter', { campaign: 'Spring Promotions' }, 'campaign'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, params, field) => {
		await expectInvalidInput(() => makeClient().listPromotionTiers(params as ListPromotionTiersParams), field);
	});
});
