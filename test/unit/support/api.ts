import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createClient, type ClientOptions, type VoucherifyClient } from '../../../src/index.js';
import { usePageWithServer } from './dom.js';
import { recordRequests, type RecordedRequest } from './request-recorder.js';

export type { RecordedRequest } from './request-recorder.js';

/** Shared fixtures and the msw server for the unit suite: happy-path answers here, error cases via `server.use()` in tests. */

export const API = 'https://api.test';
export const CLIENT_BASE = `${API}/client/v1`;
export const APP_ID = 'app_id_0123';
export const CLIENT_TOKEN = 'client_token_4567';
/** What the API answers to a call that carried no tracking id: `track_` + base64, with `+`, `/` and `=`. */
export const ANSWERED_TRACKING_ID = 'track_ab+c/d==';
export const OTHER_TRACKING_ID = 'track_Zz9+Yy8/Xx7+Ww6/Vv5==';
export const COOKIE_NAME = 'voucherify_tracking_id';
export const CODE = 'SUMMER10';

/** Every request msw intercepted in the current test, in order, including those answered by `server.use()` overrides. */
export const requests: RecordedRequest[] = [];

export const bodyJson = async (request: RecordedRequest | undefined): Promise<Record<string, unknown>> =>
	JSON.parse(await (request?.body ?? Promise.reject(new Error('no such request')))) as Record<string, unknown>;

/** Everything a request carries, as one string: URL, every header and the body. */
export const requestText = async (request: RecordedRequest): Promise<string> =>
	[request.method, request.url.href, ...[...request.headers].map(([name, value]) => `${name}: ${value}`), await request.body].join('\n');

/** What `POST /validations` answers for one applicable voucher: what validate() reads as `{ valid: true }`. */
export const applicableStack = (trackingId: string, id = CODE) => ({
	valid: true,
	redeemables: [{ status: 'APPLICABLE', object: 'voucher', id, result: { discount: { type: 'AMOUNT', amount_off: 1000 } } }],
	tracking_id: trackingId,
});

/** The API echoes the tracking id it was sent, or issues one for a visitor who has none. */
const answeredId = (sent: string | null | undefined): string => sent ?? ANSWERED_TRACKING_ID;

export const handlers = [
	http.get(`${CLIENT_BASE}/promotions/validation`, ({ request }) =>
		HttpResponse.json({
			valid: true,
			promotions: [{ id: 'promo_1', object: 'promotion_tier', discount: { type: 'PERCENT', percent_off: 5 } }],
			tracking_id: answeredId(new URL(request.url).searchParams.get('tracking_id')),
		}),
	),
	// One voucher is what validate() sends: EXPIRED is inapplicable, any other code takes 10.00 off 100.00.
	http.post(`${CLIENT_BASE}/validations`, async ({ request }) => {
		const body = (await request.json()) as { redeemables: Array<{ object: string; id: string }>; tracking_id?: string };
		const order = { amount: 10_000, discount_amount: 1000, total_discount_amount: 1000, total_amount: 9000, applied_discount_amount: 1000 };
		const redeemables = body.redeemables.map(({ object, id }) =>
			id === 'EXPIRED'
				? { status: 'INAPPLICABLE', object, id, result: { error: { key: 'voucher_expired', message: 'Voucher expired' } }, metadata: {} }
				: { status: 'APPLICABLE', object, id, result: { discount: { type: 'AMOUNT', amount_off: 1000 } }, order, metadata: {}, campaign_name: 'Summer' },
		);
		return HttpResponse.json({
			valid: redeemables.every(({ status }) => status === 'APPLICABLE'),
			redeemables,
			order,
			tracking_id: answeredId(body.tracking_id),
		});
	}),
];

export const server = setupServer(...handlers);

recordRequests(server, requests);

/** Starts msw for the file and gives every test a clean page: no cookies, no localStorage, no stubs, no recorded requests. */
export function useApi(): void {
	usePageWithServer(server, () => {
		requests.length = 0;
	});
}

/** A client on the msw API with retries off, so a failure is one request unless retry is under test. */
export const makeClient = (options: Partial<ClientOptions> = {}): VoucherifyClient =>
	createClient({ clientApplicationId: APP_ID, clientToken: CLIENT_TOKEN, apiUrl: API, retry: 0, ...options });

/** The `tracking_id` a recorded request carried (the query of a GET, the JSON body of a POST), or null. */
export function sentTrackingId(request: RecordedRequest | undefined): string | null {
	const fromQuery = request?.url.searchParams.get('tracking_id');
	if (fromQuery != null || !request?.bodyText) return fromQuery ?? null;
	return ((JSON.parse(request.bodyText) as { tracking_id?: string }).tracking_id ?? null);
}

/** The error a function throws, or a failure if it returns. */
export function thrownBy(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to throw, but it returned');
}

/** The reason a promise rejects with, or a failure if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the promise to reject, but it resolved');
}
