/** Where checkout hands the tracking id to the shop's backend, besides the cookie itself. */

/** @default 'voucherify_tracking_id' (the hidden form field's name) */
export const TRACKING_FIELD_NAME = 'voucherify_tracking_id';
export const TRACKING_HEADER_NAME = 'X-Voucherify-Tracking-Id';
