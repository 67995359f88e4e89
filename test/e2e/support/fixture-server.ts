import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FILES: Record<string, [path: string, type: string]> = {
	'/voucherify.min.js': ['dist/voucherify.min.js', 'text/javascript'],
	'/voucherify-widget.min.js': ['dist/voucherify-widget.min.js', 'text/javascript'],
	'/voucherify-calls.min.js': ['dist/voucherify-calls.min.js', 'text/javascript'],
	'/voucherify.full.min.js': ['dist/voucherify.full.min.js', 'text/javascript'],
	'/jquery-shop.html': ['test/e2e/fixtures/jquery-shop.html', 'text/html'],
	'/jquery-shop.js': ['test/e2e/fixtures/jquery-shop.js', 'text/javascript'],
	'/blank.html': ['test/e2e/fixtures/blank.html', 'text/html'],
	'/empty.html': ['test/e2e/fixtures/empty.html', 'text/html'],
	'/legacy-shop.html': ['test/e2e/fixtures/legacy-shop.html', 'text/html'],
	'/legacy-shop.js': ['test/e2e/fixtures/legacy-shop.js', 'text/javascript'],
	'/sandboxed.html': ['test/e2e/fixtures/sandboxed.html', 'text/html'],
	'/csp-watch.js': ['test/e2e/fixtures/csp-watch.js', 'text/javascript'],
	// A copy of the core beside a tampered companion file: what a compromised CDN would serve.
	'/tampered/voucherify.min.js': ['dist/voucherify.min.js', 'text/javascript'],
	'/tampered/voucherify-calls.min.js': ['test/e2e/fixtures/tampered-calls.js', 'text/javascript'],
	'/leave-shop.html': ['test/e2e/fixtures/leave-shop.html', 'text/html'],
	'/leave-shop-preloaded.html': ['test/e2e/fixtures/leave-shop-preloaded.html', 'text/html'],
	'/leave-shop.js': ['test/e2e/fixtures/leave-shop.js', 'text/javascript'],
	'/leave-next.html': ['test/e2e/fixtures/leave-next.html', 'text/html'],
	'/leave-spa.html': ['test/e2e/fixtures/leave-spa.html', 'text/html'],
	'/leave-spa-next.html': ['test/e2e/fixtures/leave-spa-next.html', 'text/html'],
	'/leave-spa.js': ['test/e2e/fixtures/leave-spa.js', 'text/javascript'],
	'/leave-watch.js': ['test/e2e/fixtures/leave-watch.js', 'text/javascript'],
};

/** The npm build's browser modules, as native ES modules: `/esm/index.js` is `dist/index.js`, its chunks beside it. */
const esmFile = (pathname: string): [path: string, type: string] | undefined =>
	/^\/esm\/(chunks\/)?[\w.-]+\.js$/.test(pathname) ? [`dist/${pathname.slice('/esm/'.length)}`, 'text/javascript'] : undefined;

/** The fixture server as a test drives it. */
export type FixtureServer = {
	port: number;
	/** Every path asked for, in order, answered or not. */
	requested: string[];
	/** Paths answered 404 while they are in the set (a file missing from a shop's server), whatever FILES holds. */
	missing: Set<string>;
	close(): Promise<void>;
};

/**
Serves the built script tag and small fixture pages under the same strict CSP as the demo. The API URL reaches the
pages through `data-api-url`, filled in per request from `?api=`.
*/
export async function startFixtureServer(
	apiUrl: string,
	/** Milliseconds to hold back the answer for some paths: a slow network for, e.g., `/voucherify-calls.min.js`. */
	{ delays = {} }: { delays?: Record<string, number> } = {},
): Promise<FixtureServer> {
	const requested: string[] = [];
	const missing = new Set<string>();
	const csp = `default-src 'none'; script-src 'self'; connect-src ${new URL(apiUrl).origin}; frame-src 'self'; style-src 'self'; img-src 'self'`;
	const server: Server = createServer(async (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://fixture.invalid');
		requested.push(pathname);
		const file = missing.has(pathname) ? undefined : (FILES[pathname] ?? esmFile(pathname));
		if (pathname === '/favicon.ico') {
			// Every engine asks for it on its own; an empty answer keeps it out of the pages' error logs.
			response.writeHead(204).end();
			return;
		}
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		if (delays[pathname]) await new Promise((resolve) => setTimeout(resolve, delays[pathname]));
		let body = await readFile(`${ROOT}${file[0]}`, 'utf8').catch(() => undefined);
		if (body === undefined) {
			response.writeHead(404).end();
			return;
		}
		body = body.replaceAll('{{API_URL}}', apiUrl);
		response.writeHead(200, { 'Content-Type': `${file[1]}; charset=utf-8`, 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		requested,
		missing,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
