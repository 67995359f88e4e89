import { maxAgeSeconds } from '../shared/cookie.js';
import { isTrackingId } from '../shared/tracking-id.js';
import { StorageUnavailableError, type TrackingStore } from './tracking-store.js';

export type CookieSettings = {
	name: string;
	domain: string | undefined;
	maxAgeDays: number;
};

const decode = (text: string): string => {
	try {
		return text.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
	} catch {
		return text;
	}
};

/**
The first-party cookie, written raw (`+`, `/` and `=` as they are) with
`Path=/; SameSite=Lax; Max-Age`, and `Secure` on https pages.
*/
export function createCookieStore({ name, domain, maxAgeDays }: CookieSettings): TrackingStore {
	/**
	Writes `name=value` raw: the name is an HTTP token and the value a tracking id (`[A-Za-z0-9+/=_-]`), which need no
	encoding, so this is the line js-cookie wrote. An empty value deletes (`Max-Age=0`).
	*/
	const setCookie = (value: string, cookieDomain = domain) => {
		document.cookie = `${name}=${value}; Path=/; SameSite=Lax; Max-Age=${value ? maxAgeSeconds(maxAgeDays) : 0}${cookieDomain ? `; Domain=${cookieDomain}` : ''}${window.location.protocol === 'https:' ? '; Secure' : ''}`;
	};

	/** The first valid value under our name: a parent domain's cookie or a tampered one can sit beside ours. */
	const read = (): string | undefined => {
		let jar: string;
		try {
			jar = document.cookie;
		} catch (error) {
			// Sandboxed documents throw a SecurityError on any access to document.cookie.
			throw new StorageUnavailableError('document.cookie is not accessible', { cause: error });
		}
		return jar
			.split('; ')
			.map((pair) => pair.split('='))
			.filter(([key]) => key !== undefined && decode(key) === name)
			// Strip one pair of quotes as the server helper and js-cookie do: Python's SimpleCookie quotes values with `/` or `=`.
			.map(([, ...value]) => decode(value.join('=').replace(/^"(.*)"$/, '$1')))
			.find(isTrackingId);
	};

	/** The host-only copy and one for each domain the page may have set it on (`www.shop.test`, `shop.test`), whatever `domain` says. */
	const removeEveryCopy = () => {
		setCookie('', '');
		for (let host = window.location.hostname; host.includes('.'); host = host.slice(host.indexOf('.') + 1)) setCookie('', host);
	};

	return {
		kind: 'cookie',
		read,
		write(value) {
			try {
				setCookie(value);
				// An older copy under another domain (host-only, or re-issued by the backend) may still be the one read first.
				if (read() !== value) {
					removeEveryCopy();
					setCookie(value);
				}
			} catch (error) {
				throw new StorageUnavailableError('document.cookie is not accessible', { cause: error });
			}
			// Browsers drop refused cookies silently; reading back is the only way to know.
			if (read() !== value) throw new StorageUnavailableError('The browser did not keep the tracking cookie');
		},
		clear: removeEveryCopy,
	};
}
