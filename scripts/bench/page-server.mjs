import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = fileURLToPath(new URL('./page/', import.meta.url));

/**
Serves the benchmark pages, our built script tag and the official bundle (built in memory) from its own port, so
every API call from the page is cross-origin, as from a storefront. No CSP: the start-up benchmark injects inline
script text.
*/
export async function startPageServer({ officialCode }) {
	const files = {
		'/bench.html': () => readFile(`${PAGE}bench.html`),
		'/blank.html': () => readFile(`${PAGE}blank.html`),
		'/bench-page.js': () => readFile(`${PAGE}bench-page.js`),
		'/voucherify.min.js': () => readFile(`${ROOT}dist/voucherify.min.js`),
		'/voucherify-calls.min.js': () => readFile(`${ROOT}dist/voucherify-calls.min.js`),
		'/official.js': async () => officialCode,
	};
	const server = createServer(async (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://bench.invalid');
		const file = files[pathname];
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		const type = pathname.endsWith('.html') ? 'text/html' : 'text/javascript';
		response.writeHead(200, {
			'Content-Type': `${type}; charset=utf-8`,
			'Cache-Control': 'no-store',
			// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs; CORS calls still pass.
			'Cross-Origin-Opener-Policy': 'same-origin',
			'Cross-Origin-Embedder-Policy': 'require-corp',
		});
		response.end(await file());
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		// localhost, while the API is on 127.0.0.1: another origin (and a secure context, so cookies behave as on https).
		url: `http://localhost:${server.address().port}`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
