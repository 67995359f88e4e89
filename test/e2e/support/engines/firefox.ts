import { existsSync } from 'node:fs';
import puppeteer, { type BrowserContext, type Page } from 'puppeteer-core';
import type { EngineBrowser, EngineContext, EnginePage } from './driver.js';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
Firefox ESR over WebDriver BiDi (puppeteer-core). Every request but loopback goes to the host proxy, which maps
the test hosts to 127.0.0.1 and refuses the rest (Firefox's own start-up calls to Mozilla's services included).
*/
export async function launchFirefoxEngine(proxyPort: number): Promise<EngineBrowser> {
	if (!existsSync(FIREFOX)) {
		throw new Error(`No Firefox at ${FIREFOX}. Install it with \`apt-get install -y --no-install-recommends firefox-esr\`, or set FIREFOX_PATH.`);
	}
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX,
		headless: true,
		extraPrefsFirefox: {
			'network.proxy.type': 1,
			'network.proxy.http': '127.0.0.1',
			'network.proxy.http_port': proxyPort,
			'network.proxy.ssl': '127.0.0.1',
			'network.proxy.ssl_port': proxyPort,
			'network.proxy.no_proxies_on': '',
			'network.proxy.allow_hijacking_localhost': false,
			'network.captive-portal-service.enabled': false,
			'network.connectivity-service.enabled': false,
		},
	});
	return {
		name: 'firefox',
		version: await browser.version(),
		async newContext() {
			return wrapContext(await browser.createBrowserContext());
		},
		close: () => browser.close(),
	};
}

function wrapContext(context: BrowserContext): EngineContext {
	return {
		newPage: async () => wrapPage(await context.newPage({ type: 'window' })),
		close: () => context.close(),
	};
}

function wrapPage(page: Page): EnginePage {
	return {
		goto: async (url) => void (await page.goto(url)),
		reload: async () => void (await page.reload()),
		async fill(selector, value) {
			await page.$eval(selector, (element) => {
				(element as HTMLInputElement).value = '';
			});
			await page.type(selector, value);
		},
		click: (selector) => page.click(selector),
		evaluate: (fn, argument) => page.evaluate(fn as never, argument) as never,
		waitForFunction: async (fn, argument, timeoutMs = 15_000) => void (await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 50 }, argument)),
		screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
		url: async () => page.url(),
		cookies: async () =>
			(await page.cookies()).map(({ name, value, domain, path, expires, sameSite, httpOnly, secure }) => ({ name, value, domain, path, expires, sameSite, httpOnly: httpOnly ?? false, secure })),
		close: () => page.close(),
	};
}
