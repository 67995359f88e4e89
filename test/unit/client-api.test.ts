import { describe, expect, test } from 'vitest';
import packageJson from '../../package.json';
import { MOCK_DEFAULTS } from '../../src/mock/index.js';
import { CLIENT_CALLS } from './support/client-calls.js';
import {
	EMAIL,
	EMAIL_HASH,
	MOCK_URL,
	everythingSent,
	expectApiError,
	makeClient,
	makeClientWithWrongKeys,
	makeKnownVisitor,
	onlyRequest,
	requests,
	useMockApi,
} from './support/mock-api.js';

/** What every client method has in common, one row per method: headers, identity, and the answer to wrong keys. */

const CHANNEL = `voucherify-browser/${packageJson.version}`;

useMockApi();

describe.each(CLIENT_CALLS)('$name', (call) => {
	test('hits its route with the client keys, the channel and Accept, and a JSON Content-Type only when it sends a body', async () => {
		const client = makeClient();
		client.setIdentity(EMAIL);
		await call.run(client);
		const request = onlyRequest();

		expect(request.method).toBe(call.method);
		expect(`${request.url.origin}${request.url.pathname}`).toBe(`${MOCK_URL}${call.pathname(EMAIL_HASH)}`);
		expect(request.headers.get('X-Client-Application-Id')).toBe(MOCK_DEFAULTS.clientApplicationId);
		expect(request.headers.get('X-Client-Token')).toBe(MOCK_DEFAULTS.clientToken);
		expect(request.headers.get('X-Voucherify-Channel')).toBe(CHANNEL);
		expect(request.headers.get('Accept')).toBe('application/json');
		if (call.method === 'GET') {
			expect(request.headers.has('Content-Type')).toBe(false);
			expect(await request.body).toBe('');
		} else {
			expect(request.headers.get('Content-Type')).toBe('application/json');
			expect(JSON.parse(await request.body)).toEqual(expect.any(Object));
		}
	});

	test("sends the visitor's track_ id where CONTRACT §3 puts it", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await call.run(client);
		const request = onlyRequest();

		expect(await call.sentIdentity(request)).toBe(trackingId);
		expect(client.trackingId).toBe(trackingId);
	});

	test('after setIdentity(email), sends the SHA-256 hash where CONTRACT §3 puts it, and the email nowhere', async () => {
		const client = makeClient();
		expect(client.setIdentity(EMAIL)).toBe(EMAIL_HASH);
		await call.run(client);
		const request = onlyRequest();

		expect(await call.sentIdentity(request)).toBe(EMAIL_HASH);
		const sent = await everythingSent(request);
		expect(sent).not.toContain(EMAIL);
		expect(sent.toLowerCase()).not.toContain('alice@');
		expect(client.trackingId).toBe(EMAIL_HASH);
	});

	test('rejects with a 401 VoucherifyApiError (key unauthorized) when the client keys are wrong', async () => {
		const client = makeClientWithWrongKeys();
		client.setIdentity(EMAIL);
		const error = await expectApiError(call.run(client), 401, 'unauthorized');

		expect(error.request.method).toBe(call.method);
		expect(requests).toHaveLength(1);
		expect(client.trackingId).toBe(EMAIL_HASH);
	});
});

test('every client method is in the table above', () => {
	const methods = Object.entries(makeClient())
		.filter(([, value]) => typeof value === 'function')
		.map(([name]) => name)
		.filter((name) => !['setIdentity', 'setConsent', 'reset', 'fillTrackingField', 'trackingHeaders'].includes(name));

	expect([...new Set(CLIENT_CALLS.map((call) => call.name.split(' ')[0]))].sort()).toEqual(methods.sort());
});
