/** Where checkout hands the visitor's ids to the shop's backend, besides the cookies themselves. */

/** @default 'voucherify_tracking_id' (the hidden form field's name) */
export const TRACKING_FIELD_NAME = 'voucherify_tracking_id';
export const TRACKING_HEADER_NAME = 'X-Voucherify-Tracking-Id';

/** The anonymous `track_` id kept across `setIdentity()`: its cookie and its form field share this name. */
export const ANONYMOUS_ID_NAME = 'voucherify_anonymous_id';
export const ANONYMOUS_HEADER_NAME = 'X-Voucherify-Anonymous-Id';
