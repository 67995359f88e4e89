/** Cookie settings shared by the browser SDK and the server helper, so both write the same cookie. */

/** @default 'voucherify_tracking_id' */
export const DEFAULT_COOKIE_NAME = 'voucherify_tracking_id';
/** @default 365 */
export const DEFAULT_MAX_AGE_DAYS = 365;
/** Chromium refuses cookie lifetimes over 400 days; longer values are clamped. */
export const MAX_AGE_DAYS_LIMIT = 400;

const SECONDS_PER_DAY = 86_400;
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_DOMAIN = /^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;

/** What header names and cookie names are made of (RFC 9110 `token`). */
export const isHttpToken = (value: unknown): value is string => typeof value === 'string' && HTTP_TOKEN.test(value);

export const isCookieName = isHttpToken;

export const isCookieDomain = (value: unknown): value is string =>
	typeof value === 'string' && value.length <= 253 && COOKIE_DOMAIN.test(value);

export const maxAgeSeconds = (days: number): number => Math.round(Math.min(days, MAX_AGE_DAYS_LIMIT) * SECONDS_PER_DAY);

/** A lifetime that rounds to `Max-Age=0` would delete the cookie it sets. */
export const isMaxAgeDays = (value: unknown): value is number => typeof value === 'number' && maxAgeSeconds(value) >= 1;
