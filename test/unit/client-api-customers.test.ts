import { describe, expect, test } from 'vitest';
import type { ConsentChoices, CustomerInput, TrackParams } from '../../src/index.js';
import {
	CLIENT_V1,
	EMAIL,
	EMAIL_HASH,
	SHOP_SOURCE_ID,
	TRACKING_ID,
	api,
	expectApiError,
	expectInvalidInput,
	jsonOf,
	makeClient,
	makeKnownVisitor,
	onlyRequest,
	requests,
	useMockApi,
} from './support/mock-api.js';

/** track, createCustomer, listConsents and updateConsents against the mock API: exact requests, identity, answers, errors. */

useMockApi();

describe('track', () => {
	test('posts { event, metadata } to /client/v1/events, with no customer on a first visit', async () => {
		await makeClient().track('newsletter_signup', { metadata: { list: 'weekly' } });
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/events`);
		expect(await jsonOf(request)).toEqual({ event: 'newsletter_signup', metadata: { list: 'weekly' } });
	});

	test('names the visitor by customer.source_id = tracking id and passes referral and loyalty through', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const params: TrackParams = { metadata: { list: 'weekly' }, referral: { code: 'REF-ALICE' }, loyalty: { code: 'LOYAL-1' } };
		await client.track('newsletter_signup', params);

		expect(await jsonOf(onlyRequest())).toEqual({ event: 'newsletter_signup', ...params, customer: { source_id: trackingId } });
	});

	test('sends just { event } when there are no params', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.track('page_view');

		expect(await jsonOf(onlyRequest())).toEqual({ event: 'page_view', customer: { source_id: trackingId } });
	});

	test("respects the caller's own customer.source_id", async () => {
		const { client } = await makeKnownVisitor();
		const event = await client.track('newsletter_signup', { customer: { source_id: SHOP_SOURCE_ID, email: 'bob@shop.example' } });

		expect((await jsonOf(onlyRequest())).customer).toEqual({ source_id: SHOP_SOURCE_ID, email: 'bob@shop.example' });
		expect(event.customer?.source_id).toBe(SHOP_SOURCE_ID);
	});

	test("respects the caller's own customer.id and adds no source_id beside it", async () => {
		const customer = await makeClient().createCustomer({ source_id: SHOP_SOURCE_ID });
		const { client } = await makeKnownVisitor();
		const event = await client.track('newsletter_signup', { customer: { id: customer.id } });

		expect((await jsonOf(onlyRequest())).customer).toEqual({ id: customer.id });
		expect(event.customer?.id).toBe(customer.id);
	});

	test('resolves with the event, recorded as anonymous activity of the tracking id it sent', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const event = await client.track('newsletter_signup', { metadata: { list: 'weekly' } });

		expect(event).toMatchObject({ object: 'event', type: 'newsletter_signup', customer: { source_id: trackingId } });
		expect(api.anonymousActivity(trackingId).map(({ type }) => type)).toContain('customer.custom_event');
	});

	test('a first event keeps the tracking id the API answers with', async () => {
		const client = makeClient();
		await client.track('page_view');

		expect(client.trackingId).toMatch(TRACKING_ID);
	});

	test('rejects an unknown customer.id with VoucherifyApiError 404 not_found', async () => {
		await expectApiError(makeClient().track('page_view', { customer: { id: 'cust_000000000000000000000000' } }), 404, 'not_found');
	});

	test.each([
		['an empty event name', () => makeClient().track(''), 'event'],
		['a blank event name', () => makeClient().track('  ', { metadata: {} }), 'event'],
		['an event name that is not a string', () => makeClient().track(undefined as never), 'event'],
		['a tracking_id in the body', () => makeClient().track('page_view', { tracking_id: 'track_mine' } as TrackParams), 'tracking_id'],
		['a referral that is not an object', () => makeClient().track('page_view', { referral: 'REF-ALICE' } as never), 'referral'],
		['a loyalty that is not an object', () => makeClient().track('page_view', { loyalty: ['LOYAL-1'] } as never), 'loyalty'],
		['an empty customer source_id', () => makeClient().track('page_view', { customer: { source_id: '' } }), 'customer.source_id'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, run, field) => {
		await expectInvalidInput(run, field);
	});
});

describe('createCustomer', () => {
	const ALICE: CustomerInput = { name: 'Alice', email: 'alice@shop.example', metadata: { newsletter: true } };

	test('posts the customer itself as the body of /client/v1/customers, with no double opt-in header by default', async () => {
		await makeClient().createCustomer(ALICE);
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/customers`);
		expect(await jsonOf(request)).toEqual(ALICE);
		expect(request.headers.has('X-Voucherify-Double-Opt-In')).toBe(false);
	});

	test('sends X-Voucherify-Double-Opt-In: true when doubleOptIn is true', async () => {
		await makeClient().createCustomer(ALICE, { doubleOptIn: true });

		expect(onlyRequest().headers.get('X-Voucherify-Double-Opt-In')).toBe('true');
	});

	test("takes @voucherify/sdk's createCustomer(customer, enableDoubleOptIn) boolean: true sends the header, false does not", async () => {
		await makeClient().createCustomer(ALICE, true);
		await makeClient().createCustomer(ALICE, false);
		const [optedIn, notOptedIn] = requests;

		expect(requests).toHaveLength(2);
		expect(optedIn?.headers.get('X-Voucherify-Double-Opt-In')).toBe('true');
		expect(notOptedIn?.headers.has('X-Voucherify-Double-Opt-In')).toBe(false);
	});

	test('sends no double opt-in header when doubleOptIn is false', async () => {
		await makeClient().createCustomer(ALICE, { doubleOptIn: false });

		expect(onlyRequest().headers.has('X-Voucherify-Double-Opt-In')).toBe(false);
	});

	test('gives the customer the tracking id as its source_id when the caller gave none', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const customer = await client.createCustomer(ALICE);

		expect(await jsonOf(onlyRequest())).toEqual({ ...ALICE, source_id: trackingId });
		expect(customer.source_id).toBe(trackingId);
	});

	test('after setIdentity(email), gives the customer the hash as its source_id', async () => {
		const client = makeClient();
		client.setIdentity(EMAIL);
		const customer = await client.createCustomer({ name: 'Alice' });

		expect(await jsonOf(onlyRequest())).toEqual({ name: 'Alice', source_id: EMAIL_HASH });
		expect(customer.source_id).toBe(EMAIL_HASH);
	});

	test("respects the caller's own source_id", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const customer = await client.createCustomer({ ...ALICE, source_id: SHOP_SOURCE_ID });

		expect(await jsonOf(onlyRequest())).toEqual({ ...ALICE, source_id: SHOP_SOURCE_ID });
		expect(customer.source_id).toBe(SHOP_SOURCE_ID);
		expect(client.trackingId).toBe(trackingId);
	});

	test("respects the caller's own id, adds no source_id beside it, and updates that customer", async () => {
		const existing = await makeClient().createCustomer({ source_id: SHOP_SOURCE_ID });
		const { client } = await makeKnownVisitor();
		const updated = await client.createCustomer({ id: existing.id, name: 'Alice' });

		expect(await jsonOf(onlyRequest())).toEqual({ id: existing.id, name: 'Alice' });
		expect(updated).toMatchObject({ id: existing.id, source_id: SHOP_SOURCE_ID, name: 'Alice' });
	});

	test('rejects an unknown id with the API error and keeps the tracking id', async () => {
		const { client, trackingId } = await makeKnownVisitor();

		await expectApiError(client.createCustomer({ id: 'cust_000000000000000000000404', name: 'Ghost' }), 404, 'not_found');
		expect(client.trackingId).toBe(trackingId);
		expect(api.snapshot().customers).toHaveLength(0);
	});

	test('resolves with the customer the API stored, upserting by source_id', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const created = await client.createCustomer(ALICE);
		const updated = await client.createCustomer({ phone: '+48 600 000 000' });

		expect(created).toMatchObject({ object: 'customer', name: 'Alice', email: 'alice@shop.example', source_id: trackingId });
		expect(created.id).toMatch(/^cust_[A-Za-z0-9]{24}$/);
		expect(updated).toMatchObject({ id: created.id, name: 'Alice', phone: '+48 600 000 000' });
		expect(api.getCustomer(created.id)?.phone).toBe('+48 600 000 000');
	});

	test('rejects with VoucherifyApiError 401 unauthorized when the client keys are wrong', async () => {
		await expectApiError(makeClient({ clientApplicationId: 'someone-else' }).createCustomer(ALICE), 401, 'unauthorized');
	});

	test.each([
		['a customer that is not an object', () => makeClient().createCustomer('alice@shop.example' as never), 'customer'],
		['no customer at all', () => makeClient().createCustomer(undefined as never), 'customer'],
		['an empty source_id', () => makeClient().createCustomer({ source_id: '' }), 'customer.source_id'],
		['an empty id', () => makeClient().createCustomer({ id: ' ' }), 'customer.id'],
		['metadata that is not an object', () => makeClient().createCustomer({ metadata: 'vip' } as never), 'customer.metadata'],
		['a tracking_id of its own', () => makeClient().createCustomer({ name: 'Alice', tracking_id: 'track_mine' } as CustomerInput), 'tracking_id'],
		['options that are neither an object nor a boolean', () => makeClient().createCustomer(ALICE, 'yes' as never), 'params'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, run, field) => {
		await expectInvalidInput(run, field);
	});
});

describe('listConsents', () => {
	test('sends GET /client/v1/consents with no query on a first visit', async () => {
		await makeClient().listConsents();
		const request = onlyRequest();

		expect(request.method).toBe('GET');
		expect(request.url.href).toBe(`${CLIENT_V1}/consents`);
	});

	test('sends the stored tracking id as the tracking_id query', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.listConsents();

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/consents?tracking_id=${encodeURIComponent(trackingId)}`);
	});

	test("resolves with the project's consents", async () => {
		const list = await makeClient().listConsents();

		expect(list.consents?.data.map(({ id, name }) => [id, name])).toEqual([
			['cnst_newsletter', 'Newsletter'],
			['cnst_sms', 'SMS'],
		]);
		expect(list.consents).toMatchObject({ object: 'list', total: 2 });
	});

	test('rejects with VoucherifyApiError 401 unauthorized when the client keys are wrong', async () => {
		await expectApiError(makeClient({ clientToken: 'stale-token' }).listConsents(), 401, 'unauthorized');
	});

	test('rejects an options argument whose signal is not an AbortSignal and sends nothing', async () => {
		await expectInvalidInput(() => makeClient().listConsents({ signal: 'stop' } as never), 'signal');
	});
});

describe('updateConsents', () => {
	const CHOICES: ConsentChoices = { cnst_newsletter: true, unsubscribed: false };

	test("puts the choices to /client/v1/customers/{tracking id}/consents for the visitor, and resolves with nothing on 204", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const result = await client.updateConsents(undefined, CHOICES);
		const request = onlyRequest();

		expect(request.method).toBe('PUT');
		expect(request.url.href).toBe(`${CLIENT_V1}/customers/${encodeURIComponent(trackingId)}/consents`);
		expect(request.headers.get('Content-Type')).toBe('application/json');
		expect(await jsonOf(request)).toEqual(CHOICES);
		expect(result).toBeUndefined();
	});

	test('names a customer given by id or source_id in the path, percent-encoded', async () => {
		await makeClient().updateConsents('crm 42/eu', CHOICES);

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/customers/crm%2042%2Feu/consents`);
	});

	test('after setIdentity(email), names the visitor by the hash', async () => {
		const client = makeClient();
		client.setIdentity(EMAIL);
		await client.updateConsents(undefined, CHOICES);

		expect(onlyRequest().url.pathname).toBe(`/client/v1/customers/${EMAIL_HASH}/consents`);
	});

	test("stores the choices on the customer the API knows", async () => {
		const { client } = await makeKnownVisitor();
		const customer = await client.createCustomer({ name: 'Alice' });
		await client.updateConsents(undefined, { cnst_sms: true });

		expect(api.getCustomer(customer.id)?.system_metadata.consents.cnst_sms?.value).toBe(true);
	});

	test('rejects an unknown consent id with VoucherifyApiError 400 invalid_payload', async () => {
		const { client } = await makeKnownVisitor();

		await expectApiError(client.updateConsents(undefined, { cnst_telepathy: true }), 400, 'invalid_payload');
	});

	test.each([
		['a consent value that is not a boolean', () => makeClient().updateConsents(SHOP_SOURCE_ID, { cnst_newsletter: 'yes' } as never), 'consents.cnst_newsletter'],
		['a consent value of 1', () => makeClient().updateConsents(SHOP_SOURCE_ID, { unsubscribed: 1 } as never), 'consents.unsubscribed'],
		['consents that are not an object', () => makeClient().updateConsents(SHOP_SOURCE_ID, ['cnst_newsletter'] as never), 'consents'],
		['an empty customer', () => makeClient().updateConsents('', CHOICES), 'customer'],
		['no customer before the visitor has a tracking id', () => makeClient().updateConsents(undefined, CHOICES), 'customer'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, run, field) => {
		await expectInvalidInput(run, field);
		expect(requests).toHaveLength(0);
	});
});
