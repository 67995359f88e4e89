import { describe, expect, test } from 'vitest';
import packageJson from '../../package.json';
import { API, APP_ID, CLIENT_TOKEN, CODE, COOKIE_NAME, ANSWERED_TRACKING_ID, makeClient, requests, useApi } from './support/api.js';
import { setRawCookie } from './support/dom.js';

const STORED_TRACKING_ID = ANSWERED_TRACKING_ID;
const CHANNEL = `voucherify-browser/${packageJson.version}`;

useApi();

const storeTrackingId = (id = STORED_TRACKING_ID) => setRawCookie(`${COOKIE_NAME}=${id}; Path=/`);

describe('validate query string', () => {
	test('encodes code, amount, tracking id, items, metadata, order metadata, a customer id and a session exactly once', async () => {
		storeTrackingId();
		await makeClient().validate({
			code: 'SUMMER 10+',
			amount: 12_000,
			items: [
				{ sku_id: 'sku 1', quantity: 2, price: 6000 },
				{ product_id: 'prod/2', related_object: 'product', quantity: 1 },
			],
			metadata: { channel: 'web shop', first: true },
			orderMetadata: { 'gift wrap': 'yes=please' },
			customer: 'cust+1@shop.example',
			session: { key: 'sess/1', ttl: 7, ttlUnit: 'DAYS' },
		});

		expect(requests[0]?.url.search).toBe(
			'?code=SUMMER%2010%2B' +
				'&amount=12000' +
				'&tracking_id=track_ab%2Bc%2Fd%3D%3D' +
				'&item%5B0%5D%5Bsku_id%5D=sku%201&item%5B0%5D%5Bquantity%5D=2&item%5B0%5D%5Bprice%5D=6000' +
				'&item%5B1%5D%5Bproduct_id%5D=prod%2F2&item%5B1%5D%5Brelated_object%5D=product&item%5B1%5D%5Bquantity%5D=1' +
				'&metadata%5Bchannel%5D=web%20shop&metadata%5Bfirst%5D=true' +
				'&order%5Bmetadata%5D%5Bgift%20wrap%5D=yes%3Dplease' +
				'&customer%5Bsource_id%5D=cust%2B1%40shop.example' +
				'&session_type=LOCK&session_key=sess%2F1&session_ttl=7&session_ttl_unit=DAYS',
		);
	});

	test('encodes a customer object as customer[source_id] and customer[metadata][key]', async () => {
		await makeClient().validate({ code: CODE, customer: { source_id: 'c 1', metadata: { tier: 'gold+', age: 30 } } });

		expect(requests[0]?.url.search).toBe(
			`?code=${CODE}&customer%5Bsource_id%5D=c%201&customer%5Bmetadata%5D%5Btier%5D=gold%2B&customer%5Bmetadata%5D%5Bage%5D=30`,
		);
	});

	test('sends a bare code as ?code= alone on the first call', async () => {
		await makeClient().validate(CODE);

		expect(requests[0]?.url.search).toBe(`?code=${CODE}`);
	});

	test('sends the tracking id answered by the first call on the next call, with +, / and = percent-encoded', async () => {
		const client = makeClient();
		await client.validate(CODE);
		await client.validate('WINTER');

		expect(requests[1]?.url.search).toBe('?code=WINTER&tracking_id=track_ab%2Bc%2Fd%3D%3D');
		expect(requests[1]?.url.searchParams.get('tracking_id')).toBe(ANSWERED_TRACKING_ID);
	});

	test('trims surrounding whitespace from the code', async () => {
		await makeClient().validate('  SUMMER10 ');

		expect(requests[0]?.url.search).toBe('?code=SUMMER10');
	});
});

describe('validate endpoint', () => {
	test('validates a code with GET /client/v1/validate', async () => {
		await makeClient().validate(CODE);

		expect(requests[0]?.method).toBe('GET');
		expect(requests[0]?.url.href.split('?')[0]).toBe(`${API}/client/v1/validate`);
	});

	test('validates promotions with GET /client/v1/promotions/validation when there is no code', async () => {
		const result = await makeClient().validate({ amount: 5000, items: [{ sku_id: 'sku_1', quantity: 1 }] });

		expect(requests[0]?.method).toBe('GET');
		expect(requests[0]?.url.pathname).toBe('/client/v1/promotions/validation');
		expect(requests[0]?.url.search).toBe('?amount=5000&item%5B0%5D%5Bsku_id%5D=sku_1&item%5B0%5D%5Bquantity%5D=1');
		expect(result.valid && result.promotions?.[0]?.id).toBe('promo_1');
	});
});

describe('headers', () => {
	test('sends the client keys, the channel and Accept on a GET', async () => {
		await makeClient().validate(CODE);
		const headers = requests[0]?.headers;

		expect(headers?.get('X-Client-Application-Id')).toBe(APP_ID);
		expect(headers?.get('X-Client-Token')).toBe(CLIENT_TOKEN);
		expect(headers?.get('X-Voucherify-Channel')).toBe(CHANNEL);
		expect(headers?.get('Accept')).toBe('application/json');
	});

	test('sends no Content-Type on a GET, which has no body', async () => {
		await makeClient().validate(CODE);

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
