import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';

/** Server-side rendering: the browser entry imported and used in plain Node, where there is no DOM. */

const API = 'https://api.test';
const ANSWERED_TRACKING_ID = 'track_ab+c/d==';
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'location', 'self'] as const;

type ValidationBody = { redeemables: Array<{ object: string; id: string }>; tracking_id?: string };
/** `POST /client/v1/validations` answering the one voucher as applicable, with the id sent or a new one. */
const applicable = ({ redeemables: [redeemable], tracking_id }: ValidationBody, trackingId = tracking_id ?? ANSWERED_TRACKING_ID) =>
	HttpResponse.json({ valid: true, redeemables: [{ ...redeemable, status: 'APPLICABLE', result: { discount: { type: 'AMOUNT', amount_off: 500 } } }], tracking_id: trackingId });

const sentTrackingIds: Array<string | null> = [];
const server = setupServer(
	http.post(`${API}/client/v1/validations`, async ({ request }) => {
		const body = (await request.json()) as ValidationBody;
		sentTrackingIds.push(body.tracking_id ?? null);
		return applicable(body);
	}),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
	server.resetHandlers();
	sentTrackingIds.length = 0;
});
afterAll(() => server.close());

const importEntry = () => import('../../src/index.js');

/** Runs `run` with getters on the browser globals that record each read (and answer undefined, as Node would). */
async function trapBrowserGlobals(run: () => unknown): Promise<string[]> {
	const touched: string[] = [];
	const globals = globalThis as Record<string, unknown>;
	const originals = new Map(BROWSER_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globals, name)]));
	for (const name of BROWSER_GLOBALS) {
		Object.defineProperty(globals, name, {
			configurable: true,
			get() {
				touched.push(name);
				return undefined;
			},
		});
	}
	try {
		await run();
	} finally {
		for (const [name, descriptor] of originals) {
			if (descriptor) Object.defineProperty(globals, name, descriptor);
			else delete globals[name];
		}
	}
	return touched;
}

const makeClient = async () => {
	const { createClient } = await importEntry();
	return createClient({ clientApplicationId: 'app', clientToken: 'token', apiUrl: API, retry: 0 });
};

describe('import', () => {
	test('importing the browser entry reads no browser global', async () => {
		vi.resetModules();
		let entry: Awaited<ReturnType<typeof importEntry>> | undefined;

		const touched = await trapBrowserGlobals(async () => {
			entry = await importEntry();
		});

		expect(typeof entry?.createClient).toBe('function');
		expect(touched).toEqual([]);
	});

	test('creating a client reads no browser global either', async () => {
		const { createClient } = await importEntry();

		const touched = await trapBrowserGlobals(() => {
			createClient({ clientApplicationId: 'app', clientToken: 'token' });
		});

		expect(touched).toEqual([]);
	});
});

describe('calls in plain Node', () => {
	test('a client created and called while every browser global is undefined validates and keeps the answered id', async () => {
		let result: { valid: boolean; tracking_id?: unknown } | undefined;
		let trackingId: string | undefined;

		await trapBrowserGlobals(async () => {
			const client = await makeClient();
			result = await client.validate('X');
			trackingId = client.trackingId;
		});

		expect(result).toMatchObject({ valid: true, tracking_id: ANSWERED_TRACKING_ID });
		expect(trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(sentTrackingIds).toEqual([null]);
	});

	test('validate works against the API', async () => {
		const result = await (await makeClient()).validate('X');

		expect(result.valid).toBe(true);
	});

	test('keeps the id in memory without warning about a cookie fallback, since there is no cookie to fall back from', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const client = await makeClient();
		await client.validate('X');

		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
	});

	test('keeps the answered tracking id in memory and sends it on the next call', async () => {
		const client = await makeClient();
		await client.validate('X');
		await client.validate('X');

		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(sentTrackingIds).toEqual([null, ANSWERED_TRACKING_ID]);
	});

	test('keeps the id per client: a second client in the same process starts without one', async () => {
		await (await makeClient()).validate('X');
		const other = await makeClient();

		expect(other.trackingId).toBeUndefined();
	});

	test('setIdentity keeps the hash in memory and sends it', async () => {
		const client = await makeClient();
		const hash = client.setIdentity('alice@shop.com');
		await client.validate('X');

		expect(sentTrackingIds).toEqual([hash]);
	});

	test('trackingHeaders works without a DOM', async () => {
		const client = await makeClient();
		await client.validate('X');

		expect(client.trackingHeaders()).toEqual({ 'X-Voucherify-Tracking-Id': ANSWERED_TRACKING_ID });
	});

	test('two clients in one server process do not wait on each other’s first call: each is its own visitor', async () => {
		let answerFirst!: () => void;
		server.use(
			http.post(`${API}/client/v1/validations`, async ({ request }) => {
				const body = (await request.json()) as ValidationBody;
				const code = body.redeemables[0]?.id ?? null;
				sentTrackingIds.push(code);
				if (code === 'SLOW') await new Promise<void>((resolve) => (answerFirst = resolve));
				return applicable(body, ANSWERED_TRACKING_ID);
			}),
		);
		const [first, second] = [await makeClient(), await makeClient()];
		const slow = first.validate('SLOW');
		await vi.waitFor(() => expect(sentTrackingIds).toEqual(['SLOW']));

		await expect(second.validate('FAST')).resolves.toMatchObject({ valid: true });
		answerFirst();
		await slow;
		expect(sentTrackingIds).toEqual(['SLOW', 'FAST']);
	});
});
