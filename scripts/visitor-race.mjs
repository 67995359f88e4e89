// Repro tool for CONTRACT §3a in a real engine: two windows of one first visit validate at the same instant; how
// many tracking ids does the API issue? `node scripts/visitor-race.mjs firefox|chromium [races] [--trace]`
// (after `npm run build`). Firefox is driven by puppeteer-core over WebDriver BiDi (install it with
// `npm install --no-save puppeteer-core`), Chromium by playwright-core. Nothing leaves loopback.
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createMockApi, MOCK_DEFAULTS } from '../dist/mock/index.js';
import { startRequestLog } from './lib/request-log.mjs';

const [engine = 'firefox', racesArg = '20'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const races = Number(racesArg);
const trace = process.argv.includes('--trace');
const noLocks = process.argv.includes('--no-locks');

const script = await readFile(process.env.SCRIPT ?? new URL('../dist/voucherify.min.js', import.meta.url), 'utf8');
const PAGE = '<!doctype html><meta charset="utf-8"><title>race</title><script src="/voucherify.min.js"></script>';
const site = createServer((request, response) => {
	if (request.url === '/voucherify.min.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
	else response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(PAGE);
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
// Anything the browser tries to send off the box goes to this proxy, which refuses it.
const sink = createTcpServer((socket) => socket.destroy());
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));

const api = await createMockApi({ allowedOrigins: ['*'] }).start({ port: 0, host: '127.0.0.1' });
const log = await startRequestLog(api.url);
const pageUrl = `http://localhost:${site.address().port}/`;
const keys = { clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken, apiUrl: log.url };

async function launch() {
	if (engine === 'firefox') {
		const { default: puppeteer } = await import('puppeteer-core');
		const sinkPort = sink.address().port;
		const browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath: '/usr/bin/firefox-esr',
			headless: true,
			extraPrefsFirefox: {
				'network.proxy.type': 1,
				'network.proxy.http': '127.0.0.1',
				'network.proxy.http_port': sinkPort,
				'network.proxy.ssl': '127.0.0.1',
				'network.proxy.ssl_port': sinkPort,
				'network.proxy.allow_hijacking_localhost': false,
			},
		});
		return {
			newContext: async () => {
				const context = await browser.createBrowserContext();
				return { newPage: () => context.newPage({ type: 'window' }), close: () => context.close() };
			},
			close: () => browser.close(),
		};
	}
	const { launchChromium } = await import('./lib/chromium.mjs');
	const browser = await launchChromium({ args: [`--proxy-server=127.0.0.1:${sink.address().port}`] });
	return { newContext: () => browser.newContext(), close: () => browser.close() };
}

/** Page side: log every lock grant/release and every read and write of document.cookie, with wall-clock times. */
function instrument({ noLocks }) {
	const events = (window.__events = []);
	const now = () => (performance.timeOrigin + performance.now()).toFixed(2);
	if (noLocks) Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
	const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
	Object.defineProperty(document, 'cookie', {
		configurable: true,
		get() {
			const value = native.get.call(document);
			events.push(`${now()} read  ${JSON.stringify(value)}`);
			return value;
		},
		set(value) {
			events.push(`${now()} write ${value.split(';')[0]}`);
			native.set.call(document, value);
		},
	});
	if (noLocks || !navigator.locks) return;
	const request = LockManager.prototype.request;
	LockManager.prototype.request = function (name, options, callback) {
		events.push(`${now()} lock requested`);
		return request.call(this, name, options, async () => {
			events.push(`${now()} lock granted`);
			// Who holds the lock by the lock manager's own account, and when this window first sees a stored id.
			void navigator.locks.query().then(({ held, pending }) => events.push(`${now()} query at grant: held ${held.length}, pending ${pending.length}`));
			const since = performance.now();
			const poll = () => {
				if (native.get.call(document).includes('voucherify_tracking_id=')) events.push(`${now()} id visible here ${(performance.now() - since).toFixed(1)} ms after grant`);
				else if (performance.now() - since < 2000) setTimeout(poll, 0);
			};
			poll();
			try {
				return await callback();
			} finally {
				events.push(`${now()} lock released`);
			}
		});
	};
}

function arm({ keys }) {
	const client = window.Voucherify.createClient({ ...keys });
	const start = new BroadcastChannel('start');
	window.__done = new Promise((resolve, reject) => {
		start.onmessage = () => client.validate('WELCOME10').then(() => resolve(client.trackingId ?? ''), reject);
	});
}

const browser = await launch();
let split = 0;
try {
	for (let race = 1; race <= races; race += 1) {
		const context = await browser.newContext();
		const pages = [await context.newPage(), await context.newPage()];
		for (const page of pages) {
			await page.goto(pageUrl);
			await page.evaluate(instrument, { noLocks });
			await page.evaluate(arm, { keys });
		}
		log.requests.length = 0;
		const done = pages.map((page) => page.evaluate(() => window.__done));
		await pages[0].evaluate(() => new BroadcastChannel('start').postMessage('go'));
		const ids = await Promise.all(done);
		const issued = log.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/client/v1/validate?') && !new URL(request.path, log.url).searchParams.has('tracking_id')).length;
		if (issued > 1) split += 1;
		console.log(`race ${race}: ${issued} id(s) issued, windows hold ${new Set(ids).size} id(s)`);
		if (trace && issued > 1) {
			const lines = [];
			for (const [index, page] of pages.entries())
				for (const [order, event] of (await page.evaluate(() => window.__events)).entries()) lines.push({ time: Number(event.slice(0, 16)), order, text: `${event.slice(0, 16)} w${index + 1} ${event.slice(17)}` });
			lines.sort((a, b) => a.time - b.time || a.order - b.order);
			console.log(lines.map((line) => `  ${line.text}`).join('\n'));
		}
		await context.close();
	}
} finally {
	await browser.close();
	await log.close();
	await api.close();
	site.close();
	sink.close();
}
console.log(`${engine}: ${split} of ${races} races issued more than one id`);
