import { maxAgeSeconds } from '../shared/cookie.js';
import { isIdentityHash, isTrackingId } from '../shared/tracking-id.js';
import { probeName, StorageUnavailableError, type TrackingStore } from './tracking-store.js';

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

/** Every valid value under `name`, in the browser's order: a parent domain's copy or a tampered one can sit beside ours. */
function readAll(name: string): string[] {
	let jar: string;
	try {
		jar = document.cookie;
	} catch (error) {
		// Sandboxed documents throw a SecurityError on any access to document.cookie.
		throw new StorageUnavailableError('document.cookie', { cause: error });
	}
	return (
		jar
			.split('; ')
			.map((pair) => pair.split('='))
			// `split` always yields a first item: the key is there.
			.filter(([key]) => decode(key as string) === name)
			// Strip one pair of quotes as the server helper does: Python's SimpleCookie quotes values with `/` or `=`.
			.map(([, ...value]) => decode(value.join('=').replace(/^"(.*)"$/, '$1')))
			.filter(isTrackingId)
	);
}

/**
Writes one cookie. Names and values need no encoding: the name is a checked HTTP token and every value is a checked
tracking id, hash or probe (`track_` + base64 or hex), all of them cookie-safe as they are.
*/
const setCookie = (name: string, value: string, attributes: string) => {
	document.cookie = `${name}=${value}; Path=/${attributes}`;
};

/**
The first-party cookie, written raw (`+`, `/` and `=` stay as they are) with `Path=/; SameSite=Lax; Max-Age`, and
`Secure` on https pages.
*/
export function createCookieStore({ name, domain, maxAgeDays }: CookieSettings): TrackingStore {
	const onDomain = domain ? `; Domain=${domain}` : '';
	const attributes = () =>
		`; Max-Age=${maxAgeSeconds(maxAgeDays)}; SameSite=Lax${onDomain}${window.location.protocol === 'https:' ? '; Secure' : ''}`;
	const remove = (cookie: string, on = '') => setCookie(cookie, '', `; Max-Age=0${on}`);
	const read = (): string | undefined => readAll(name)[0];
	const set = (value: string) => setCookie(name, value, attributes());

	/** The host-only copy and one for each domain the page may have set it on (`www.shop.test`, `shop.test`), whatever `domain` says. */
	const removeEveryCopy = () => {
		remove(name);
		for (let host = window.location.hostname; host.includes('.'); host = host.slice(host.indexOf('.') + 1)) remove(name, `; Domain=${host}`);
	};

	/**
	Domain rollout: an id a returning visitor holds in a host-only copy moves to the `domain` cookie, so every subdomain
	sees it; the host-only copy goes. An identity hash already in the domain cookie is never replaced by an anonymous id.
	*/
	const adoptHostOnlyCopy = () => {
		const before = readAll(name);
		if (!domain || before.length === 0) return;
		remove(name);
		const shared = readAll(name);
		const hostOnly = before.find((value) => !shared.includes(value));
		if (hostOnly !== undefined && !isIdentityHash(shared[0])) set(hostOnly);
	};

	return {
		kind: 'cookie',
		/** A probe under a name of its own: another tab rewriting our cookie meanwhile cannot make it fail. */
		open() {
			try {
				const probe = probeName(name);
				setCookie(probe, '1', attributes());
				const kept = document.cookie.includes(`${probe}=1`);
				remove(probe, onDomain);
				if (kept) adoptHostOnlyCopy();
				return kept;
			} catch {
				return false;
			}
		},
		read,
		write(value) {
			try {
				set(value);
				// An older copy under another domain (re-issued by the backend, a parent domain's) may still be the one read first.
				if (read() !== value) {
					removeEveryCopy();
					set(value);
				}
			} catch (error) {
				throw new StorageUnavailableError('document.cookie', { cause: error });
			}
			// A value that still differs was written by another tab meanwhile: the cookie is the truth, and the tracker follows it.
		},
		clear: removeEveryCopy,
	};
}
