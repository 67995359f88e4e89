import type { EnginePage } from './engines/index.js';
import { textContent } from './engines/index.js';
import { startFixtureServer } from './fixture-server.js';
import { KEYS, startStack, type Stack } from './stack.js';

/** Helpers the cross-engine journeys share; they use only the engine-neutral driver. */

export const COOKIE_NAME = 'voucherify_tracking_id';
export const ANONYMOUS_COOKIE = 'voucherify_anonymous_id';

export const clientKeys = (stack: Stack) => ({ clientApplicationId: KEYS.clientApplicationId, clientToken: KEYS.clientToken, apiUrl: stack.apiUrl });

/** A `POST /client/v1/validations` body in the query terms of the GET it replaced: `code`, `amount`, `tracking_id`, `customer[…]`. */
function validationFields(body: string): URLSearchParams {
	const { redeemables, order, tracking_id, customer } = JSON.parse(body) as {
		redeemables?: Array<{ id?: string }>;
		order?: { amount?: number };
		tracking_id?: string;
		customer?: { id?: string; source_id?: string };
	};
	const fields: Array<[string, unknown]> = [
		['code', redeemables?.length === 1 ? redeemables[0]!.id : undefined],
		['amount', order?.amount],
		['tracking_id', tracking_id],
		['customer[id]', customer?.id],
		['customer[source_id]', customer?.source_id],
	];
	return new URLSearchParams(fields.filter(([, value]) => value !== undefined).map(([name, value]) => [name, String(value)]));
}

/**
The validations the API received since the log was cleared (`POST /client/v1/validations`, and the deprecated
`GET /client/v1/validate`), each as its fields: `code`, `amount`, `tracking_id`, `customer[id]`, `customer[source_id]`.
*/
export const validations = (stack: Stack) =>
	stack.requests.flatMap((request) => {
		if (request.method === 'POST' && request.path.split('?')[0] === '/client/v1/validations') return [validationFields(request.body)];
		if (request.method === 'GET' && request.path.startsWith('/client/v1/validate?')) return [new URL(request.path, stack.apiUrl).searchParams];
		return [];
	});

export async function activityOf(stack: Stack, customer: string): Promise<string[]> {
	const { body } = await stack.serverApi<{ data: Array<{ type: string }> }>(`/v1/customers/${encodeURIComponent(customer)}/activity?limit=100`);
	return body.data.map((entry) => entry.type);
}

export const count = (types: string[], type: string) => types.filter((entry) => entry === type).length;

/** Applies a code in the demo and waits for the answer about it (a new answer replaces the last one). */
export async function applyCode(page: EnginePage, code: string): Promise<string> {
	await page.evaluate(() => {
		document.querySelector('#validation-status')!.textContent = '';
	});
	await page.fill('#code', code);
	await page.click('#validate-form button[type=submit]');
	await page.waitForFunction((expected) => document.querySelector('#validation-status')?.textContent?.includes(expected), code);
	return (await textContent(page, '#validation-status')) ?? '';
}

/** Adds the script tag to a page that has none, as a storefront's markup would, and waits for it to run. */
export function addScriptTag(page: EnginePage, src: string, integrity?: string) {
	return page.evaluate(
		({ src, integrity }) =>
			new Promise<void>((resolve, reject) => {
				const script = document.createElement('script');
				if (integrity) Object.assign(script, { integrity, crossOrigin: 'anonymous' });
				script.onload = () => resolve();
				script.onerror = () => reject(new Error(`${src} did not load`));
				script.src = src;
				document.head.append(script);
			}),
		{ src, integrity },
	);
}

/** The CSP violations the page's own `securitypolicyviolation` listener (fixtures/csp-watch.js) recorded. */
export const cspViolations = (page: EnginePage) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['no CSP listener on this page']);

/** The fixture server in front of a page: its port, and how to stop it. */
export type Fixtures = { port: number; close(): Promise<void> };

/** The mock behind its request log (every origin allowed: fixture pages live on several hosts) and the fixture pages. */
export async function startFixtureStack(): Promise<{ stack: Stack; fixtures: Fixtures }> {
	const stack = await startStack({ allowedOrigins: ['*'] });
	return { stack, fixtures: await startFixtureServer(stack.apiUrl) };
}

export async function closeFixtureStack({ stack, fixtures }: { stack?: Stack; fixtures?: Fixtures }): Promise<void> {
	await fixtures?.close();
	await stack?.close();
}

/** Arms a page that loaded the script tag: its own client validates WELCOME10 on a `start` BroadcastChannel message, then `__result` holds its tracking id (or the error's name). */
export const armValidation = (page: EnginePage, stack: Stack): Promise<void> =>
	page.evaluate((keys) => {
		const scope = window as unknown as { Voucherify: { createClient(options: unknown): { validate(code: string): Promise<unknown>; trackingId?: string } }; __result?: string };
		const client = scope.Voucherify.createClient(keys);
		new BroadcastChannel('start').onmessage = () =>
			client.validate('WELCOME10').then(
				() => (scope.__result = client.trackingId ?? 'no id'),
				(error: Error) => (scope.__result = `error ${error.name}`),
			);
	}, clientKeys(stack));

/** Sends the `start` message to every armed page at once and answers each page's `__result`, in page order. */
export async function fireAndCollect(pages: EnginePage[]): Promise<string[]> {
	await pages[0]!.evaluate(() => new BroadcastChannel('start').postMessage('go'));
	const ids: string[] = [];
	for (const page of pages) {
		await page.waitForFunction(() => (window as unknown as { __result?: string }).__result !== undefined);
		ids.push(await page.evaluate(() => (window as unknown as { __result: string }).__result));
	}
	return ids;
}
