/**
The server half of the checkout hand-off. Safe in Node, Deno, Bun and edge runtimes: no DOM, no `fetch`, no secret keys.
*/
export { readTrackingId, trackingCookie } from './cookies.js';
export type { TrackingCookieOptions } from './cookies.js';
export { readVisitorIds, redemptionIdentity } from './checkout.js';
export type { CheckoutRequest, RedemptionIdentity, VisitorIds } from './checkout.js';
export { hashIdentity, normalizeIdentity } from '../shared/identity.js';
export { isAnonymousId, isIdentityHash, isTrackingId } from '../shared/tracking-id.js';
export { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS } from '../shared/cookie.js';
export { ANONYMOUS_HEADER_NAME, ANONYMOUS_ID_NAME, TRACKING_FIELD_NAME, TRACKING_HEADER_NAME } from '../shared/handoff.js';
export { VoucherifyError } from '../errors/voucherify-error.js';
export { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
export { isInvalidInputError, isVoucherifyError } from '../errors/guards.js';
