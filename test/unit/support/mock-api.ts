import { createHash } from 'node:crypto';
import { setupServer } from 'msw/node';
import { expect } from 'vitest';
import {
	VoucherifyApiError,
	VoucherifyInvalidInputError,
	createClient,
	type ClientOptions,
	type VoucherifyClient,
} from '../../../src/index.js';
import { createMockApi, MOCK_DEFAULTS } from '../../../src/mock/index.js';
import { recordRequests, type RecordedRequest } from './request-recorder.js';
import { usePageWithServer } from './dom.js';

/**
The client API suites run the SDK against the project's own mock API (its msw handlers), so every call is checked
against what CONTRACT §1 says the API answers, not against a hand-written stub. Error cases come from the mock too
(unknown codes, wrong keys, …); nothing here overrides a route.
*/

export const MOCK_URL = 'https://api.voucherify.test';
export const CLIENT_V1 = `${MOCK_URL}/client/v1`;
/** The identifier a shop passes to `setIdentity()`: it must never leave the browser. */
export const EMAIL = 'alice@shop.example';
/** What the SDK sends instead: SHA-256 of the normalised email, as Node computes it. */
export const EMAIL_HASH = createHash('sha256').update(EMAIL, 'utf8').digest('hex');
/** A customer id of the shop's own, given by the caller as `customer.source_id`. */
export const SHOP_SOURCE_ID = 'crm-42';
/** The shape of the tracking ids the mock issues: `track_` + standard base64. */
export const TRACKING_ID = /^track_[A-Za-z0-9+/]+={0,2}$/;

export const api = createMockApi({ baseUrl: MOCK_URL, allowedOrigins: ['shop.example'] });
export const server = setupServer(...api.handlers);

/** Every request the SDK made in the current test, in order, as the mock received it. */
export const requests: RecordedRequest[] = [];

recordRequests(server, requests);

/** Starts msw for the file; every test gets the mock's fixtures back, a clean page and an empty request log. */
export function useMockApi(): void {
	usePageWithServer(server, () => {
		api.reset();
		requests.length = 0;
	});
}

/** A client with the mock's documented default keys, retries off. */
export const makeClient = (options: Partial<ClientOptions> = {}): VoucherifyClient =>
	createClient({
		clientApplicationId: MOCK_DEFAULTS.clientApplicationId,
		clientToken: MOCK_DEFAULTS.clientToken,
		apiUrl: MOCK_URL,
		retry: 0,
		...options,
	});

/** A client whose keys the mock does not know. */
export const makeClientWithWrongKeys = (): VoucherifyClient => makeClient({ clientApplicationId: 'wrong-app-id', clientToken: 'wrong-token' });

/** A client that has already learned a `track_…` id from the mock (one validate); returns both. */
export async function makeKnownVisitor(options: Partial<ClientOptions> = {}): Promise<{ client: VoucherifyClient; trackingId: string }> {
	const client = makeClient(options);
	const answer = await client.validate('WELCOME10');
	const trackingId = answer.tracking_id;
	if (typeof trackingId !== 'string' || client.trackingId !== trackingId) throw new Error('the mock answered no tracking id');
	requests.length = 0;
	return { client, trackingId };
}

/** The only request of the test; fails when there was not exactly one. */
export function onlyRequest(): RecordedRequest {
	expect(requests).toHaveLength(1);
	return requests[0] as RecordedRequest;
}

export async function jsonOf(request: RecordedRequest | undefined): Promise<Record<string, unknown>> {
	if (!request) throw new Error('no such request');
	return JSON.parse(await request.body) as Record<string, unknown>;
}

/** Everything a request carries, as one string: method, URL (also decoded), every header and the body. */
export const everythingSent = async (request: RecordedRequest): Promise<string> =>
	[
		request.method,
		request.url.href,
		decodeURIComponent(request.url.href),
		...[...request.headers].map(([name, value]) => `${name}: ${value}`),
		await request.body,
	].join('\n');

/** The reason a promise rejects with, or a failure if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the promise to reject, but it resolved');
}

/** Asserts that a call rejected with the API error the mock answers, and returns it. */
export async function expectApiError(promise: Promise<unknown>, status: number, key: string): Promise<VoucherifyApiError> {
	const error = await rejectionOf(promise);
	expect(error).toBeInstanceOf(VoucherifyApiError);
	expect(error).toMatchObject({ name: 'VoucherifyApiError', status, key, code: status });
	expect((error as VoucherifyApiError).requestId).toMatch(/^v-/);
	return error as VoucherifyApiError;
}

/**
Asserts that a call rejected (never threw synchronously) with `VoucherifyInvalidInputError` naming `field`,
and that nothing was sent.
*/
export async function expectInvalidInput(run: () => Promise<unknown>, field: string): Promise<void> {
	let promise: Promise<unknown> | undefined;
	expect(() => {
		promise = run();
	}).not.toThrow();
	const error = await rejectionOf(promise as Promise<unknown>);
	expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
	expect(error).toMatchObject({ name: 'VoucherifyInvalidInputError', field });
	expect(requests).toHaveLength(0);
}
