import { createDemoServer } from '../../../demo/server.mjs';
import { createMockApi, MOCK_DEFAULTS } from '../../../src/mock/index.js';
import { startRequestLog, type LoggedRequest } from '../../../scripts/lib/request-log.mjs';

export const KEYS = {
	clientApplicationId: MOCK_DEFAULTS.clientApplicationId,
	clientToken: MOCK_DEFAULTS.clientToken,
	applicationId: MOCK_DEFAULTS.applicationId,
	secretKey: MOCK_DEFAULTS.secretKey,
};

export type Stack = {
	/** The API as the browser sees it: the request log in front of the mock. */
	apiUrl: string;
	demoUrl: string;
	requests: LoggedRequest[];
	/** A server-side call with the secret keys, as the shop's backend makes it. */
	serverApi<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }>;
	close(): Promise<void>;
};

/** The mock API on a free port behind a request log, and the demo storefront on another port. */
export async function startStack({ allowedOrigins }: { allowedOrigins?: string[] } = {}): Promise<Stack> {
	const mock = createMockApi(allowedOrigins ? { allowedOrigins } : {});
	const api = await mock.start({ port: 0, host: '127.0.0.1' });
	const log = await startRequestLog(api.url);
	const demo = createDemoServer({ apiUrl: log.url, ...KEYS });
	const demoUrl = await demo.listen(0, '127.0.0.1');

	return {
		apiUrl: log.url,
		demoUrl,
		requests: log.requests,
		async serverApi(path, init = {}) {
			const response = await fetch(`${api.url}${path}`, {
				method: init.method ?? 'GET',
				headers: { 'X-App-Id': KEYS.applicationId, 'X-App-Token': KEYS.secretKey, 'Content-Type': 'application/json' },
				body: init.body === undefined ? undefined : JSON.stringify(init.body),
			});
			return { status: response.status, body: await response.json() };
		},
		async close() {
			await Promise.all([demo.close(), log.close()]);
			await api.close();
		},
	};
}
