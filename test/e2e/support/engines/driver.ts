/** The engine-neutral page driver the cross-engine journeys run on; one adapter per engine implements it. */

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** A cookie as every adapter reports it: `expires` in seconds since the epoch, -1 for a session cookie. */
export type EngineCookie = {
	name: string;
	value: string;
	domain: string;
	path: string;
	expires: number;
	sameSite?: string;
	httpOnly: boolean;
	secure: boolean;
};

/** A function run in the page: its source is sent to the engine, so it may use only its argument. */
export type PageFunction<A, R> = (argument: A) => R | Promise<R>;

export interface EnginePage {
	goto(url: string): Promise<void>;
	reload(): Promise<void>;
	/** Types `value` into the field that `selector` finds, replacing what it held. */
	fill(selector: string, value: string): Promise<void>;
	click(selector: string): Promise<void>;
	/** Runs `fn(argument)` in the page and answers its (awaited) result; `undefined` comes back as `undefined`. */
	evaluate<R, A = undefined>(fn: PageFunction<A, R>, argument?: A): Promise<R>;
	/** Polls `fn(argument)` in the page until it is truthy. */
	waitForFunction<A = undefined>(fn: PageFunction<A, unknown>, argument?: A, timeoutMs?: number): Promise<void>;
	/** Saves a PNG of the page (the whole page where the engine can, else the viewport). */
	screenshot(path: string): Promise<void>;
	/** The URL of the page's top-level document now (a click may have navigated it). */
	url(): Promise<string>;
	/** The cookies the page's current URL can read or send. */
	cookies(): Promise<EngineCookie[]>;
	close(): Promise<void>;
}

/** A fresh profile: no cookies, no storage, as on a shopper's first visit. */
export interface EngineContext {
	/** A new top-level window (not a background tab, whose timers an engine may clamp). */
	newPage(): Promise<EnginePage>;
	close(): Promise<void>;
}

export interface EngineBrowser {
	readonly name: EngineName;
	/** The engine's product and version, as it reports it. */
	readonly version: string;
	newContext(): Promise<EngineContext>;
	close(): Promise<void>;
}

/** The hosts test pages use; every adapter resolves them to loopback. */
export const TEST_HOSTS = ['shop.test', 'www.shop.test', 'checkout.shop.test', 'api.test'];

export const textContent = (page: EnginePage, selector: string) =>
	page.evaluate((query) => document.querySelector(query)?.textContent ?? null, selector);

/** Polls the page's URL until `accept(url)`: a click that navigates returns at a different moment in each engine. */
export async function waitForUrl(page: EnginePage, accept: (url: URL) => boolean, timeoutMs = 15_000): Promise<void> {
	for (const deadline = Date.now() + timeoutMs; ; ) {
		const url = await page.url();
		if (accept(new URL(url))) return;
		if (Date.now() > deadline) throw new Error(`waitForUrl timed out after ${timeoutMs} ms at ${url}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
