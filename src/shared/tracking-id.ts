/** Voucherify's own ids (`track_` + base64) and our SHA-256 identity hashes. Anything else is not ours to send. */
const SERVER_TRACKING_ID = /^track_[A-Za-z0-9+/_-]{4,200}={0,2}$/;
const IDENTITY_HASH = /^[0-9a-f]{64}$/;

/** An id the API issued to an anonymous visitor (`track_…`). */
export const isAnonymousId = (value: unknown): value is string => typeof value === 'string' && SERVER_TRACKING_ID.test(value);

/** An identity hash from `setIdentity()` or `hashIdentity()`. */
export const isIdentityHash = (value: unknown): value is string => typeof value === 'string' && IDENTITY_HASH.test(value);

export const isTrackingId = (value: unknown): value is string => isAnonymousId(value) || isIdentityHash(value);
