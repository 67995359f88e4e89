// The demo storefront's own backend: serves the shop under a strict CSP and redeems at checkout with the
// secret server keys, which never reach the browser. Not part of the published package.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readVisitorIds, redemptionIdentity } from '../dist/server/index.js';
import { setUpVipCode } from './vip-code.mjs';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
/** The script tag and the companion files it loads from beside itself on first use. */
const SCRIPT_FILES = new Set(['/voucherify.min.js', '/voucherify-calls.min.js', '/voucherify-widget.min.js']);
const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const MAX_BODY_BYTES = 16 * 1024;
const STATIC_FILES = {
	'/app.js': ['app.js', 'text/javascript; charset=utf-8'],
	'/styles.css': ['styles.css', 'text/css; charset=utf-8'],
};

const escapeAttribute = (value) =>
	String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
@param {{ apiUrl: string, clientApplicationId: string, clientToken: string, applicationId: string, secretKey: string }} config
*/
export function createDemoServer(config) {
	const apiOrigin = new URL(config.apiUrl).origin;
	const contentSecurityPolicy = [
		"default-src 'none'",
		"script-src 'self'",
		`connect-src 'self' ${apiOrigin}`,
		"style-src 'self'",
		"img-src 'self' data:",
		"form-action 'self'",
		"base-uri 'none'",
		"frame-ancestors 'self'",
	].join('; ');

	const serverApi = async (method, path, body) => {
		const response = await fetch(`${config.apiUrl}${path}`, {
			method,
			headers: {
				'X-App-Id': config.applicationId,
				'X-App-Token': config.secretKey,
				'Content-Type': 'application/json',
				Accept: 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: await response.json() };
	};

	/** Set up on the first page view, when the API is surely up; a failure is retried on the next one. */
	let vipCode;
	const ensureVipCode = () => {
		vipCode ??= setUpVipCode(serverApi).catch((error) => {
			vipCode = undefined;
			console.error('[demo] the VIP code could not be set up', error);
		});
		return vipCode;
	};

	async function renderIndex() {
		await ensureVipCode();
		const template = await readFile(`${PUBLIC_DIR}index.html`, 'utf8');
		return template
			.replaceAll('{{API_URL}}', escapeAttribute(config.apiUrl))
			.replaceAll('{{CLIENT_APPLICATION_ID}}', escapeAttribute(config.clientApplicationId))
			.replaceAll('{{CLIENT_TOKEN}}', escapeAttribute(config.clientToken));
	}

	/**
	Checkout, as README "Checkout hand-off" recipes it: the visitor's ids (cookies first, then the headers, then the
	form), then the server-side redemption with `tracking_id` and `customer.source_id` from `redemptionIdentity`.
	*/
	async function checkout(request) {
		const form = new URLSearchParams(await readBody(request));
		const visitor = readVisitorIds({ headers: request.headers, form });
		const code = (form.get('code') ?? '').trim();
		const amount = Number.parseInt(form.get('amount') ?? '', 10);
		if (!code || !Number.isSafeInteger(amount) || amount <= 0) {
			return { status: 400, body: { message: 'Enter a voucher code and an order amount before checking out' } };
		}

		const items = parseItems(form.get('items'));
		if (!items) return { status: 400, body: { message: 'The cart could not be read' } };

		const identity = redemptionIdentity(visitor);
		const customer = { ...identity.customer, name: form.get('name') || undefined, email: form.get('email') || undefined };
		const redemption = await serverApi('POST', `/v1/vouchers/${encodeURIComponent(code)}/redemption`, {
			tracking_id: identity.tracking_id,
			customer,
			order: { amount, items },
		});
		if (redemption.status !== 200) return redemption;

		const customerId = redemption.body.customer_id ?? redemption.body.customer?.id;
		const [profile, activity, segments] = await Promise.all([
			serverApi('GET', `/v1/customers/${encodeURIComponent(customerId)}`),
			serverApi('GET', `/v1/customers/${encodeURIComponent(customerId)}/activity`),
			serverApi('GET', `/v1/customers/${encodeURIComponent(customerId)}/segments`),
		]);
		return {
			status: 200,
			body: {
				trackingId: visitor.trackingId,
				anonymousId: visitor.anonymousId,
				redemption: redemption.body,
				customer: profile.body,
				activity: activity.body.data ?? [],
				segments: segments.body.data ?? [],
			},
		};
	}

	async function route(request) {
		const { pathname } = new URL(request.url, 'http://demo.invalid');
		if (request.method === 'GET' && (pathname === '/' || pathname === '/index.html')) {
			return { status: 200, type: 'text/html; charset=utf-8', body: await renderIndex() };
		}
		if (request.method === 'GET' && SCRIPT_FILES.has(pathname)) {
			return { status: 200, type: 'text/javascript; charset=utf-8', body: await readFile(`${DIST_DIR}${pathname.slice(1)}`) };
		}
		const file = STATIC_FILES[pathname];
		if (request.method === 'GET' && file) {
			return { status: 200, type: file[1], body: await readFile(`${PUBLIC_DIR}${file[0]}`) };
		}
		if (request.method === 'POST' && pathname === '/checkout') return checkout(request);
		return { status: 404, body: { message: 'Not found' } };
	}

	const server = createServer((request, response) => {
		route(request)
			.catch((error) => ({ status: error.statusCode ?? 502, body: { message: error.expose ? error.message : 'Checkout failed' } }))
			.then(({ status, type, body }) => {
				const isJson = type === undefined;
				response.writeHead(status, {
					'Content-Type': type ?? 'application/json; charset=utf-8',
					'Content-Security-Policy': contentSecurityPolicy,
					'X-Content-Type-Options': 'nosniff',
					'Referrer-Policy': 'no-referrer',
					'Cache-Control': 'no-store',
				});
				response.end(isJson ? JSON.stringify(body) : body);
			});
	});

	return {
		listen(port = 5173, host = '127.0.0.1') {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					const { port: actualPort } = server.address();
					resolve(`http://${host === '127.0.0.1' ? 'localhost' : host}:${actualPort}`);
				});
			});
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

function parseItems(text) {
	try {
		const items = JSON.parse(text || '[]');
		return Array.isArray(items) ? items : undefined;
	} catch {
		return undefined;
	}
}

async function readBody(request) {
	let size = 0;
	const chunks = [];
	for await (const chunk of request) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw Object.assign(new Error('The checkout form is too large'), { statusCode: 413, expose: true });
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}
