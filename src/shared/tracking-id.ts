/** Voucherify's own ids (`track_` + base64) and our SHA-256 identity hashes. Anything else is not ours to send. */
const SERVER_TRACKING_ID = /^track_[A-Za-z0-9+/_-]{4,200}={0,2}$/;
const IDENTITY_HASH = /^[0-9a-f]{64}$/;

export const isTrackingId = (value: unknown): value is string =>
	typeof value === 'string' && (SERVER_TRACKING_ID.test(value) || IDENTITY_HASH.test(value));
