import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

/** Page-level stubs for the unit suite: cookie spies, blocked storage, offline. Each is undone by `restoreDomOverrides()`. */

const cookieDescriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') as PropertyDescriptor & {
	get(this: Document): string;
	set(this: Document, value: string): void;
};
const undo: Array<() => void> = [];

const readJar = (): string => cookieDescriptor.get.call(document);
const writeJar = (value: string): void => cookieDescriptor.set.call(document, value);

const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

function override(target: object, key: string, descriptor: PropertyDescriptor): void {
	const own = Object.getOwnPropertyDescriptor(target, key);
	Object.defineProperty(target, key, { configurable: true, ...descriptor });
	undo.push(() => {
		if (own) Object.defineProperty(target, key, own);
		else delete (target as Record<string, unknown>)[key];
	});
}

/** The store's availability probe writes a cookie of its own name (`<name>_probe_<random>`) and removes it at once. */
const isProbe = (assignment: string) => /^[^=]*_probe_/.test(assignment);

/**
Records every string assigned to `document.cookie`, except the availability probes. With `refuse`, the assignment is
dropped, as a browser that blocks cookies does silently.
*/
export function spyOnCookieWrites({ refuse = false } = {}): string[] {
	const writes: string[] = [];
	override(document, 'cookie', {
		get: readJar,
		set(value: string) {
			if (!isProbe(value)) writes.push(value);
			if (!refuse) writeJar(value);
		},
	});
	return writes;
}

/** A sandboxed document: any access to `document.cookie` throws a SecurityError. */
export function throwOnCookieAccess(): void {
	override(document, 'cookie', {
		get() {
			throw securityError();
		},
		set() {
			throw securityError();
		},
	});
}

/** A sandboxed frame or strict private mode: reading `window.localStorage` throws a SecurityError. */
export function throwOnLocalStorageAccess(): void {
	override(globalThis, 'localStorage', {
		get() {
			throw securityError();
		},
	});
}

export function goOffline(): void {
	override(navigator, 'onLine', { get: () => false });
}

export function restoreDomOverrides(): void {
	while (undo.length > 0) undo.pop()?.();
}

/** The value of one cookie as the page sees it, or undefined. */
export function cookieValue(name: string): string | undefined {
	for (const pair of readJar().split('; ')) {
		const separator = pair.indexOf('=');
		if (separator > 0 && pair.slice(0, separator) === name) return pair.slice(separator + 1);
	}
	return undefined;
}

/** A cookie as a `Set` string: the name/value pair and its attributes (names lowercased, `true` for flags). */
export function parseSetCookie(setCookie: string): { name: string; value: string; attributes: Record<string, string | true> } {
	const [pair = '', ...rest] = setCookie.split(';').map((part) => part.trim());
	const separator = pair.indexOf('=');
	const attributes: Record<string, string | true> = {};
	for (const part of rest) {
		const equals = part.indexOf('=');
		if (equals === -1) attributes[part.toLowerCase()] = true;
		else attributes[part.slice(0, equals).toLowerCase()] = part.slice(equals + 1);
	}
	return { name: pair.slice(0, separator), value: pair.slice(separator + 1), attributes };
}

/** Writes a cookie straight into the jar, bypassing any spy. */
export function setRawCookie(cookie: string): void {
	writeJar(cookie);
}

export function clearBrowserState(): void {
	restoreDomOverrides();
	const host = window.location.hostname;
	for (const pair of readJar().split('; ')) {
		const name = pair.split('=')[0];
		if (!name) continue;
		for (const domain of ['', `; Domain=${host}`, `; Domain=.${host}`]) writeJar(`${name}=; Path=/; Max-Age=0${domain}`);
	}
	window.localStorage.clear();
	document.body.replaceChildren();
}

/**
Starts an msw server for the file and gives every test a clean page: `prepare` runs first (reset a mock, empty a
request log), then cookies, localStorage and stubs are cleared, before and after each test.
*/
export function usePageWithServer(server: SetupServer, prepare: () => void): void {
	beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
	beforeEach(() => {
		prepare();
		clearBrowserState();
	});
	afterEach(() => {
		server.resetHandlers();
		vi.restoreAllMocks();
		restoreDomOverrides();
		clearBrowserState();
	});
	afterAll(() => server.close());
}

/** Puts `locks` in place of `navigator.locks` (jsdom has none), as a browser with the Web Locks API has it. */
export function installLockManager(locks: object): void {
	override(navigator, 'locks', { get: () => locks });
}
