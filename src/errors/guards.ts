import type { VoucherifyApiError } from './api-error.js';
import type { VoucherifyInvalidInputError } from './invalid-input-error.js';
import type { VoucherifyNetworkError } from './network-error.js';
import type { VoucherifyRateLimitError } from './rate-limit-error.js';
import type { VoucherifyTimeoutError } from './timeout-error.js';
import type { VoucherifyError } from './voucherify-error.js';

// Guards check `name` rather than `instanceof`, which fails across iframes, jsdom realms and duplicated bundles.
const hasName = (error: unknown, names: readonly string[]): boolean =>
	typeof error === 'object' && error !== null && names.includes(String((error as { name?: unknown }).name));

const API_ERROR_NAMES = ['VoucherifyApiError', 'VoucherifyRateLimitError'] as const;
const ALL_NAMES = [
	'VoucherifyError',
	...API_ERROR_NAMES,
	'VoucherifyNetworkError',
	'VoucherifyTimeoutError',
	'VoucherifyInvalidInputError',
] as const;

/** True for any error thrown by this SDK, in any realm. */
export const isVoucherifyError = (error: unknown): error is VoucherifyError => hasName(error, ALL_NAMES);

/** True when the API answered with an error status (including a rate limit). */
export const isApiError = (error: unknown): error is VoucherifyApiError => hasName(error, API_ERROR_NAMES);

export const isRateLimitError = (error: unknown): error is VoucherifyRateLimitError =>
	hasName(error, ['VoucherifyRateLimitError']);

export const isNetworkError = (error: unknown): error is VoucherifyNetworkError => hasName(error, ['VoucherifyNetworkError']);

export const isTimeoutError = (error: unknown): error is VoucherifyTimeoutError => hasName(error, ['VoucherifyTimeoutError']);

export const isInvalidInputError = (error: unknown): error is VoucherifyInvalidInputError =>
	hasName(error, ['VoucherifyInvalidInputError']);
