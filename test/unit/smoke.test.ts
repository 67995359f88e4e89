import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createClient } from '../../src/index.js';

const API = 'https://api.test';
const seen: Request[] = [];
const server = setupServer(
	http.get(`${API}/client/v1/validate`, ({ request }) => {
		seen.push(request);
		return HttpResponse.json({ valid: true, code: 'X', tracking_id: 'track_abc+/def==' });
	}),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test('smoke', async () => {
	const client = createClient({ clientApplicationId: 'a', clientToken: 'b', apiUrl: API });
	const r = await client.validate({ code: 'X', amount: 100, items: [{ sku_id: 's', quantity: 1 }] });
	expect(r.valid).toBe(true);
	expect(client.trackingId).toBe('track_abc+/def==');
	expect(document.cookie).toContain('voucherify_tracking_id=track_abc+/def==');
	await client.validate('Y');
	expect(new URL(seen[1]!.url).search).toBe('?code=Y&tracking_id=track_abc%2B%2Fdef%3D%3D');
	console.log(seen[0]!.headers.get('x-client-token'), seen[0]!.headers.get('x-voucherify-channel'), seen[0]!.headers.get('content-type'));
});
