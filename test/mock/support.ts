import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createMockApi, MOCK_DEFAULTS, type MockApi, type MockApiOptions } from '../../src/mock/index.js';

/** Shared helpers for the mock API suites: the two ways to reach it, and requests with the right keys. */

export const CLIENT_KEYS = {
	'X-Client-Application-Id': MOCK_DEFAULTS.clientApplicationId,
	'X-Client-Token': MOCK_DEFAULTS.clientToken,
} as const;

export const SERVER_KEYS = {
	'X-App-Id': MOCK_DEFAULTS.applicationId,
	'X-App-Token': MOCK_DEFAULTS.secretKey,
} as const;

/** A browser origin the default allow-list accepts. */
export const SHOP_ORIGIN = 'http://localhost:5173';

/** The host msw-intercepted requests go to; nothing listens there. */
export const MSW_BASE_URL = 'https://api.voucherify.test';

/** A mock reachable at `baseUrl`, reset before every test. */
export interface MockTarget {
	readonly api: MockApi;
	readonly baseUrl: string;
}

/** Serves a fresh mock through msw's `setupServer` for the enclosing describe block. */
export function useMswMock(options: MockApiOptions = {}): MockTarget {
	const api = createMockApi(options);
	const server = setupServer(...api.handlers);
	beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
	beforeEach(() => api.reset());
	afterAll(() => server.close());
	return { api, baseUrl: MSW_BASE_URL };
}

/** Serves a fresh mock over real HTTP on a free port for the enclosing describe block. */
export function useHttpMock(options: MockApiOptions = {}): MockTarget {
	const api = createMockApi(options);
	const target = { api, baseUrl: '' };
	let close: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		const server = await api.start({ port: 0 });
		target.baseUrl = server.url;
		close = server.close;
	});
	beforeEach(() => api.reset());
	afterAll(() => close?.());
	return target;
}

/** Both transports, for `describe.each`: every behaviour in those suites is checked through msw and through real HTTP. */
export const TRANSPORTS = [
	{ transport: 'msw setupServer', use: useMswMock },
	{ transport: 'real HTTP', use: useHttpMock },
] as const;

/** A parsed JSON answer. */
export interface Answer<T = Record<string, unknown>> {
	readonly status: number;
	readonly headers: Headers;
	readonly body: T;
}

async function answerOf<T>(response: Response): Promise<Answer<T>> {
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** A client-route call with the client keys. `path` is under `/client/v1` and may carry a query. */
export async function clientCall<T = Record<string, unknown>>(
	target: MockTarget,
	method: string,
	path: string,
	{ body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
	const response = await fetch(`${target.baseUrl}/client/v1${path}`, {
		method,
		headers: { ...CLIENT_KEYS, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
		...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
	});
	return answerOf<T>(response);
}

/** A server-route call with the server keys. `path` is under `/v1`. */
export async function serverCall<T = Record<string, unknown>>(
	target: MockTarget,
	method: string,
	path: string,
	{ body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
	const response = await fetch(`${target.baseUrl}/v1${path}`, {
		method,
		headers: { ...SERVER_KEYS, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
		...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
	});
	return answerOf<T>(response);
}

/** `GET /client/v1/validate` with the query built from pairs, encoded the way the SDK encodes it. */
export const validate = (target: MockTarget, params: Record<string, string | number>) =>
	clientCall(target, 'GET', `/validate?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()}`);

/** A customer as the tests read it. */
export interface CustomerBody {
	id: string;
	source_id: string | null;
	name: string | null;
	email: string | null;
	summary: {
		redemptions: { total_redeemed: number; total_succeeded: number; total_failed: number; gift: { redeemed_amount: number } };
		orders: { total_amount: number; total_count: number; average_amount: number; last_order_amount: number };
		validations: { total_succeeded: number; total_failed: number };
	};
	system_metadata: { consents: Record<string, { value: boolean }> };
}

/** One activity entry as the tests read it. */
export interface ActivityBody {
	id: string;
	type: string;
	data: Record<string, unknown>;
	created_at: string;
}
