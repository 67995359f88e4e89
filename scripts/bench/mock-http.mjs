// What the mock benchmarks send with: the default keys, and one call that fails loudly on a non-2xx answer.
import { MOCK_DEFAULTS } from '../../dist/mock/index.js';

export const CLIENT_HEADERS = { 'X-Client-Application-Id': MOCK_DEFAULTS.clientApplicationId, 'X-Client-Token': MOCK_DEFAULTS.clientToken };
export const SERVER_HEADERS = { 'X-App-Id': MOCK_DEFAULTS.applicationId, 'X-App-Token': MOCK_DEFAULTS.secretKey, 'Content-Type': 'application/json' };

/** Node's global fetch is undici with keep-alive: connections are reused across requests. */
export async function call(url, init) {
	const response = await fetch(url, init);
	const body = await response.json();
	if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${JSON.stringify(body)}`);
	return body;
}
