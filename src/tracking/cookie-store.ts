import Cookies from 'js-cookie';
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
The first-party cookie, written raw (js-cookie leaves `+`, `/` and `=` as they are) with
`Path=/; SameSite=Lax; Max-Age`, and `Secure` on https pages.
*/
export function createCookieStore({ name, domain, maxAgeDays }: CookieSettings): TrackingStore {
	const attributes = () => ({
		path: '/',
		sameSite: 'Lax' as const,
		'Max-Age': String(maxAgeSeconds(maxAgeDays)),
		...(domain ? { domain } : {}),
		...(window.location.protocol === 'https:' ? { secure: true } : {}),
	});

	/** Every value under our name: a parent domain's cookie or a tampered one can sit beside ours. */
	const readAll = (): string[] => {
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
			.map(([, ...value]) => decode(value.join('=')));
	};

	return {
		kind: 'cookie',
		read: () => readAll().find(isTrackingId),
		write(value) {
			try {
				Cookies.set(name, value, attributes());
			} catch (error) {
				throw new StorageUnavailableError('document.cookie is not accessible', { cause: error });
			}
			// Browsers drop refused cookies silently; reading back is the only way to know.
			if (!readAll().includes(value)) throw new StorageUnavailableError('The browser did not keep the tracking cookie');
		},
		clear() {
			Cookies.remove(name, { path: '/' });
			if (domain) Cookies.remove(name, { path: '/', domain });
		},
	};
}
