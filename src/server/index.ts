import { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
import { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS, isCookieDomain, isCookieName, isMaxAgeDays, maxAgeSeconds } from '../shared/cookie.js';
import { isTrackingId } from '../shared/tracking-id.js';

/**
The server half of the checkout hand-off. Safe in Node, Deno, Bun and edge runtimes: no DOM, no `fetch`, no secret keys.
*/

export type TrackingCookieOptions = {
	/** @default 'voucherify_tracking_id' */
	cookieName?: string;
	/** Such as `.shop.com`; omit for a host-only cookie. */
	domain?: string;
	/** @default 365 (clamped to 400) */
	maxAgeDays?: number;
	/** @default true */
	secure?: boolean;
};

const cookieNameOf = (options: { cookieName?: string } | undefined): string => {
	const name = options?.cookieName ?? DEFAULT_COOKIE_NAME;
	if (!isCookieName(name)) throw new VoucherifyInvalidInputError('cookieName', '`cookieName` must be a valid cookie name');
	return name;
};

const percentDecode = (text: string): string => {
	try {
		return text.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
	} catch {
		return text;
	}
};

/**
Reads the tracking id from a `Cookie` request header, byte for byte: `+` stays `+` (no form decoding), and only
values in Voucherify's or our hash format are returned. When the header holds the cookie twice (a parent
domain's copy beside the host's), the first valid one wins, as browsers send the most specific first.

@example
```
import { readTrackingId } from 'voucherify-browser/server';

const trackingId = readTrackingId(request.headers.cookie);
await fetch(`https://api.voucherify.io/v1/vouchers/${code}/redemption?tracking_id=${encodeURIComponent(trackingId ?? '')}`, …);
```
*/
export function readTrackingId(cookieHeader: string | readonly string[] | null | undefined, options?: { cookieName?: string }): string | undefined {
	const name = cookieNameOf(options);
	const header = Array.isArray(cookieHeader) ? cookieHeader.join('; ') : cookieHeader;
	if (typeof header !== 'string') return undefined;
	for (const pair of header.split(';')) {
		const separator = pair.indexOf('=');
		if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
		let value = pair.slice(separator + 1).trim();
		if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
		value = percentDecode(value);
		if (isTrackingId(value)) return value;
	}
	return undefined;
}

/**
Builds the `Set-Cookie` value that re-issues the tracking cookie from the shop's own server, with the attributes
the browser SDK uses. Server-set cookies outlive Safari's 7-day cap on cookies written by scripts.

@example
```
import { trackingCookie } from 'voucherify-browser/server';

response.setHeader('Set-Cookie', trackingCookie(trackingId, { domain: '.shop.com' }));
```
*/
export function trackingCookie(trackingId: string, options: TrackingCookieOptions = {}): string {
	if (!isTrackingId(trackingId)) {
		throw new VoucherifyInvalidInputError('trackingId', '`trackingId` must be a Voucherify tracking id or an identity hash');
	}
	const name = cookieNameOf(options);
	const { domain, maxAgeDays = DEFAULT_MAX_AGE_DAYS, secure = true } = options;
	if (domain !== undefined && !isCookieDomain(domain)) throw new VoucherifyInvalidInputError('domain', '`domain` must be a domain such as `.shop.com`');
	if (!isMaxAgeDays(maxAgeDays)) throw new VoucherifyInvalidInputError('maxAgeDays', '`maxAgeDays` must be at least one second (1 / 86400)');

	const attributes = [`${name}=${trackingId}`, 'Path=/', `Max-Age=${maxAgeSeconds(maxAgeDays)}`, 'SameSite=Lax'];
	if (domain) attributes.push(`Domain=${domain}`);
	if (secure) attributes.push('Secure');
	return attributes.join('; ');
}

export { hashIdentity, normalizeIdentity } from '../shared/identity.js';
export { isTrackingId } from '../shared/tracking-id.js';
export { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS } from '../shared/cookie.js';
export { TRACKING_FIELD_NAME, TRACKING_HEADER_NAME } from '../shared/handoff.js';
export { VoucherifyError } from '../errors/voucherify-error.js';
export { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
export { isInvalidInputError, isVoucherifyError } from '../errors/guards.js';
