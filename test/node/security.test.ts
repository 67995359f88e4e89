import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDemoServer } from '../../demo/server.mjs';
import { createMockApi, MOCK_DEFAULTS, type RunningMockServer } from '../../src/mock/index.js';

/**
What ships to browsers and what the demo serves: no server keys, no mock, no eval, a strict CSP, and a checkout that
answers hostile input with a JSON 4xx. Reads the built files: `npm test` builds dist/ before vitest runs.
(The mock refusing client keys on server routes and unknown origins is covered by test/mock/access.test.ts.)
*/

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const ESM_ENTRY = join(DIST, 'index.js');
const SCRIPT_TAG_BUILD = join(DIST, 'voucherify.min.js');
/** The script tag's companion files and its one-file build, which ship to browsers beside or instead of the core. */
const SCRIPT_TAG_FILES = ['voucherify-calls.min.js', 'voucherify-widget.min.js', 'voucherify.full.min.js'].map((file) => join(DIST, file));
const MOCK_ENTRY = join(DIST, 'mock', 'index.js');
/** Packages the browser entry may import: none, everything it runs is its own code. */
const BROWSER_DEPENDENCIES: string[] = [];

/** Distinct from every default, so a leak cannot hide behind a coincidence. */
const SERVER_APP_ID = 'srv-app-id-4f1d9c';
const SERVER_SECRET = 'srv-secret-key-8b2e7a0c51';
const DEMO_PAGES = ['/', '/app.js', '/styles.css', '/voucherify.min.js'];
const MAX_FORM_BYTES = 16 * 1024;

const FORBIDDEN_IN_BROWSER: Array<[string, RegExp]> = [
	['the X-App-Id header', /x-app-id/i],
	['the X-App-Token header', /x-app-token/i],
	['app-token', /app-token/i],
	['a /v1/ server path', /(?<!\/client)\/v1\//],
	['createMockApi', /createMockApi/],
	['msw', /\bmsw\b/],
];
const DYNAMIC_CODE: Array<[string, RegExp]> = [
	['eval(', /\beval\s*\(/],
	['new Function', /\bnew\s+Function\b/],
	['Function(…) called as a constructor', /\bFunction\s*\(/],
];

/** The import specifiers of an ES module, comments and strings understood (JSDoc examples hold `import` lines). */
const importsOf = (file: string): string[] =>
	ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);

/** A built entry and every chunk it imports, transitively; dist/ also holds stale chunks of earlier builds. */
function moduleGraph(entry: string): { files: string[]; packages: string[] } {
	const files = new Set<string>();
	const packages = new Set<string>();
	const visit = (file: string) => {
		if (files.has(file)) return;
		files.add(file);
		for (const specifier of importsOf(file)) {
			if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
			else packages.add(specifier);
		}
	};
	visit(entry);
	return { files: [...files], packages: [...packages].sort() };
}

const browserFiles = (): string[] => [...moduleGraph(ESM_ENTRY).files, SCRIPT_TAG_BUILD, ...SCRIPT_TAG_FILES];
const name = (file: string) => relative(ROOT, file);
const filesMatching = (files: string[], pattern: RegExp) => files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map(name);

describe('the browser bundles', () => {
	test('exist: the ESM entry with at least one chunk, and the script-tag builds', () => {
		expect([SCRIPT_TAG_BUILD, ...SCRIPT_TAG_FILES].filter((file) => !existsSync(file)).map(name)).toEqual([]);
		expect(moduleGraph(ESM_ENTRY).files.length).toBeGreaterThan(1);
	});

	test('the ESM entry and its chunks import no package', () => {
		expect(moduleGraph(ESM_ENTRY).packages).toEqual(BROWSER_DEPENDENCIES);
	});

	test.each(FORBIDDEN_IN_BROWSER)('contain no %s', (_what, pattern) => {
		expect(filesMatching(browserFiles(), pattern)).toEqual([]);
	});

	test.each(FORBIDDEN_IN_BROWSER)('the check for %s finds it in the mock build, so it can fail', (_what, pattern) => {
		expect(filesMatching(moduleGraph(MOCK_ENTRY).files, pattern)).not.toEqual([]);
	});

	test.each(DYNAMIC_CODE)('contain no %s', (_what, pattern) => {
		expect(filesMatching(browserFiles(), pattern)).toEqual([]);
	});
});

type Answer = { status: number; headers: Headers; text: string };

describe('the demo storefront', () => {
	let mock: RunningMockServer;
	let demo: ReturnType<typeof createDemoServer>;
	let demoUrl = '';

	beforeAll(async () => {
		mock = await createMockApi({ applicationId: SERVER_APP_ID, secretKey: SERVER_SECRET }).start({ port: 0 });
		demo = createDemoServer({
			apiUrl: mock.url,
			clientApplicationId: MOCK_DEFAULTS.clientApplicationId,
			clientToken: MOCK_DEFAULTS.clientToken,
			applicationId: SERVER_APP_ID,
			secretKey: SERVER_SECRET,
		});
		demoUrl = await demo.listen(0, '127.0.0.1');
	});

	afterAll(async () => {
		await demo?.close();
		await mock?.close();
	});

	const fetchDemo = async (path: string, init?: RequestInit): Promise<Answer> => {
		const response = await fetch(`${demoUrl}${path}`, init);
		return { status: response.status, headers: response.headers, text: await response.text() };
	};
	const checkout = (body: string, contentType = 'application/x-www-form-urlencoded') =>
		fetchDemo('/checkout', { method: 'POST', headers: { 'Content-Type': contentType }, body });
	const everything = ({ status, headers, text }: Answer) => [String(status), ...[...headers].map(([key, value]) => `${key}: ${value}`), text].join('\n');
	const scriptSources = (csp: string): string[] | undefined =>
		csp
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.find(([directive]) => directive === 'script-src')
			?.slice(1);

	test('serves the page with the public client keys, so the checks below read the real page', async () => {
		const page = await fetchDemo('/');

		expect(page.status).toBe(200);
		expect(page.text).toContain(MOCK_DEFAULTS.clientApplicationId);
		expect(page.text).toContain(MOCK_DEFAULTS.clientToken);
	});

	test.each(DEMO_PAGES)('GET %s shows neither the server secret key nor the server app id, in body or headers', async (path) => {
		const answer = await fetchDemo(path);

		expect(answer.status).toBe(200);
		expect(everything(answer)).not.toContain(SERVER_SECRET);
		expect(everything(answer)).not.toContain(SERVER_APP_ID);
	});

	test.each([...DEMO_PAGES, '/no-such-page'])("GET %s carries a Content-Security-Policy whose script-src is only 'self'", async (path) => {
		const csp = (await fetchDemo(path)).headers.get('content-security-policy') ?? '';

		expect(scriptSources(csp)).toEqual(["'self'"]);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
	});

	test("a checkout answer carries the same Content-Security-Policy: script-src only 'self'", async () => {
		const csp = (await checkout('code=&amount=0')).headers.get('content-security-policy') ?? '';

		expect(scriptSources(csp)).toEqual(["'self'"]);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
	});

	test('the page has no inline script and no inline event handler, so the CSP blocks nothing it needs', async () => {
		const html = (await fetchDemo('/')).text;
		const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];

		expect(scripts.length).toBeGreaterThan(0);
		for (const [, attributes = '', content = ''] of scripts) {
			expect(attributes).toMatch(/\ssrc="\/[^"]+"/);
			expect(content.trim()).toBe('');
		}
		expect(html).not.toMatch(/\son[a-z]+\s*=/i);
		expect(html).not.toMatch(/javascript:/i);
	});

	describe('checkout under hostile input', () => {
		const HOSTILE: Array<[string, () => Promise<Answer>]> = [
			['an oversize form', () => checkout(`code=WELCOME10&amount=4900&name=${'x'.repeat(MAX_FORM_BYTES * 2)}`)],
			['items that are not JSON', () => checkout('code=WELCOME10&amount=4900&items=%5B%7Bnot%20json')],
			['items that are JSON but not a list', () => checkout(`code=WELCOME10&amount=4900&items=${encodeURIComponent('{"product_id":"p1"}')}`)],
			['a code holding <script>', () => checkout(`code=${encodeURIComponent('<script>alert(document.cookie)</script>')}&amount=4900&items=%5B%5D`)],
			['a JSON body instead of a form', () => checkout(JSON.stringify({ code: 'WELCOME10', amount: 4900 }), 'application/json')],
			['malformed percent-encoding and a non-numeric amount', () => checkout('code=%E0%A4%A&amount=%ZZ')],
			['a huge amount', () => checkout(`code=WELCOME10&amount=${'9'.repeat(400)}`)],
			['a tampered tracking cookie', () => fetchDemo('/checkout', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'voucherify_tracking_id=<script>; voucherify_tracking_id=%E0%A4%A' }, body: 'code=NOPE-404&amount=4900' })],
		];

		test.each(HOSTILE)('%s gets a 4xx with a JSON error body', async (_input, send) => {
			const answer = await send();

			expect(answer.status).toBeGreaterThanOrEqual(400);
			expect(answer.status).toBeLessThan(500);
			expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
			expect(JSON.parse(answer.text)).toEqual(expect.objectContaining({ message: expect.any(String) }));
		});

		test.each(HOSTILE)('%s gets an answer that holds neither server key', async (_input, send) => {
			const answer = await send();

			expect(everything(answer)).not.toContain(SERVER_SECRET);
			expect(everything(answer)).not.toContain(SERVER_APP_ID);
		});

		test('a code holding <script> comes back only inside JSON, never sniffable as HTML', async () => {
			const answer = await checkout(`code=${encodeURIComponent('<script>alert(1)</script>')}&amount=4900&items=%5B%5D`);

			expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
			expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
		});

		test('the demo still serves its page after every hostile checkout', async () => {
			for (const [, send] of HOSTILE) await send();

			expect((await fetchDemo('/')).status).toBe(200);
		});
	});
});
