import { describe, expect, test } from 'vitest';
import packageJson from '../../package.json';
import { API, APP_ID, CLIENT_TOKEN, CODE, COOKIE_NAME, ANSWERED_TRACKING_ID, bodyJson, makeClient, requests, useApi } from './support/api.js';
import { setRawCookie } from './support/dom.js';

const STORED_TRACKING_ID = ANSWERED_TRACKING_ID;
const CHANNEL = `voucherify-browser/${packageJson.version}`;

useApi();

const storeTrackingId = (id = STORED_TRACKING_ID) => setRawCookie(`${COOKIE_NAME}=${id}; Path=/`);

const PARAMS = {
	amount: 12_000,
	items: [
		{ sku_id: 'sku 1', quantity: 2, price: 6000 },
		{ product_id: 'prod/2', related_object: 'product' as const, quantity: 1 },
	],
	metadata: { channel: 'web shop', first: true },
	orderMetadata: { 'gift wrap': 'yes=please' },
	customer: 'cust+1@shop.example',
	session: { key: 'sess/1', ttl: 7, ttlUnit: 'DAYS' as const },
};

describe('validate body: one POST /client/v1/validations for every code and cart', () => {
	test('sends code, amount, tracking id, items, metadata, order metadata, the customer and a session as the stackable body', async () => {
		storeTrackingId();
		await makeClient().validate({ code: 'SUMMER 10+', ...PARAMS });

		expect(requests[0]?.url.href).toBe(`${API}/client/v1/validations`);
		expect(await bodyJson(requests[0])).toEqual({
			redeemables: [{ object: 'voucher', id: 'SUMMER 10+' }],
			order: { amount: 12_000, items: PARAMS.items, metadata: { 'gift wrap': 'yes=please' } },
			customer: { source_id: 'cust+1@shop.example' },
			metadata: { channel: 'web shop', first: true },
			session: { type: 'LOCK', key: 'sess/1', ttl: 7, ttl_unit: 'DAYS' },
			tracking_id: STORED_TRACKING_ID,
			options: { expand: ['redeemable'] },
		});
	});

	test('sends a customer object as it is: id, source_id and metadata', async () => {
		const customer = { id: 'cust_1', source_id: 'c 1', metadata: { tier: 'gold+', age: 30 } };
		await makeClient().validate({ code: CODE, customer });

		expect(await bodyJson(requests[0])).toMatchObject({ customer });
	});

	test('sends a bare code with an empty order and no tracking id on the first call', async () => {
		await makeClient().validate(CODE);

		expect(await bodyJson(requests[0])).toEqual({ redeemables: [{ object: 'voucher', id: CODE }], order: {}, options: { expand: ['redeemable'] } });
	});

	test('sends the tracking id answered by the first call on the next call, at the same URL', async () => {
		const client = makeClient();
		await client.validate(CODE);
		await client.validate({ code: 'WINTER', amount: 100 });

		expect(requests.map((request) => request.url.href)).toEqual([`${API}/client/v1/validations`, `${API}/client/v1/validations`]);
		expect(await bodyJson(requests[1])).toMatchObject({ redeemables: [{ id: 'WINTER' }], tracking_id: ANSWERED_TRACKING_ID });
	});

	test('trims surrounding whitespace from the code', async () => {
		await makeClient().validate('  SUMMER10 ');

		expect(await bodyJson(requests[0])).toMatchObject({ redeemables: [{ object: 'voucher', id: 'SUMMER10' }] });
	});
});

describe('validate endpoint', () => {
	test('validates a code with POST /client/v1/validations and a JSON Content-Type', async () => {
		await makeClient().validate(CODE);

		expect(requests[0]?.method).toBe('POST');
		expect(requests[0]?.url.href).toBe(`${API}/client/v1/validations`);
		expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
	});

	test('validates promotions with GET /client/v1/promotions/validation when there is no code', async () => {
		const result = await makeClient().validate({ amount: 5000, items: [{ sku_id: 'sku_1', quantity: 1 }] });

		expect(requests[0]?.method).toBe('GET');
		expect(requests[0]?.url.pathname).toBe('/client/v1/promotions/validation');
		expect(requests[0]?.url.search).toBe('?amount=5000&item%5B0%5D%5Bsku_id%5D=sku_1&item%5B0%5D%5Bquantity%5D=1');
		expect(result.valid && result.promotions?.[0]?.id).toBe('promo_1');
	});

	test('encodes promotions params in the query grammar exactly once: items, metadata, order metadata, the customer, a session', async () => {
		storeTrackingId();
		await makeClient().validate(PARAMS);

		expect(requests[0]?.url.search).toBe(
			'?amount=12000' +
				'&tracking_id=track_ab%2Bc%2Fd%3D%3D' +
				'&item%5B0%5D%5Bsku_id%5D=sku%201&item%5B0%5D%5Bquantity%5D=2&item%5B0%5D%5Bprice%5D=6000' +
				'&item%5B1%5D%5Bproduct_id%5D=prod%2F2&item%5B1%5D%5Brelated_object%5D=product&item%5B1%5D%5Bquantity%5D=1' +
				'&metadata%5Bchannel%5D=web%20shop&metadata%5Bfirst%5D=true' +
				'&order%5Bmetadata%5D%5Bgift%20wrap%5D=yes%3Dplease' +
				'&customer%5Bsource_id%5D=cust%2B1%40shop.example' +
				'&session_type=LOCK&session_key=sess%2F1&session_ttl=7&session_ttl_unit=DAYS',
		);
	});
});

describe('headers', () => {
	test('sends the client keys, the channel and Accept on a GET', async () => {
		await makeClient().validate({ amount: 100 });
		const headers = requests[0]?.headers;

		expect(requests[0]?.method).toBe('GET');
		expect(headers?.get('X-Client-Application-Id')).toBe(APP_ID);
		expect(headers?.get('X-Client-Token')).toBe(CLIENT_TOKEN);
		expect(headers?.get('X-Voucherify-Channel')).toBe(CHANNEL);
		expect(headers?.get('Accept')).toBe('application/json');
	});

	test('sends no Content-Type on a GET, which has no body', async () => {
		await makeClient().validate({ amount: 100 });

		expect(requests[0]?.headers.has('Content-Type')).toBe(false);
		expect(await requests[0]?.body).toBe('');
	});

	test('sends the client keys, the channel, Accept and a JSON Content-Type on a POST', async () => {
		await makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });
		const headers = requests[0]?.headers;

		expect(requests[0]?.method).toBe('POST');
		expect(headers?.get('Content-Type')).toBe('application/json');
		expect(headers?.get('X-Client-Application-Id')).toBe(APP_ID);
		expect(headers?.get('X-Client-Token')).toBe(CLIENT_TOKEN);
		expect(headers?.get('X-Voucherify-Channel')).toBe(CHANNEL);
		expect(headers?.get('Accept')).toBe('application/json');
	});

	test('adds the extra headers given in the options', async () => {
		await makeClient({ headers: { 'X-Shop-Build': '42' } }).validate(CODE);

		expect(requests[0]?.headers.get('X-Shop-Build')).toBe('42');
	});
});
