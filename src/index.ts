export { createClient } from './client/client.js';
export { DEFAULT_API_URL, DEFAULT_RETRY, DEFAULT_TIMEOUT } from './client/options.js';
export { VoucherifyError } from './errors/voucherify-error.js';
export { VoucherifyApiError } from './errors/api-error.js';
export { VoucherifyRateLimitError } from './errors/rate-limit-error.js';
export { VoucherifyNetworkError } from './errors/network-error.js';
export { VoucherifyTimeoutError } from './errors/timeout-error.js';
export { VoucherifyInvalidInputError } from './errors/invalid-input-error.js';
export {
	isApiError,
	isInvalidInputError,
	isNetworkError,
	isRateLimitError,
	isTimeoutError,
	isVoucherifyError,
} from './errors/guards.js';
export { calculateDiscount, calculatePrice } from './client/price.js';
export { hashIdentity } from './shared/identity.js';
export { isTrackingId } from './shared/tracking-id.js';
export { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS } from './shared/cookie.js';
export { ANONYMOUS_HEADER_NAME, ANONYMOUS_ID_NAME, TRACKING_FIELD_NAME, TRACKING_HEADER_NAME } from './shared/handoff.js';
export { SDK_VERSION } from './version.js';

export type { VoucherifyClient } from './client/create-client.js';
export type { ClientOptions, ConsentState, TrackingOptions } from './client/options.js';
export type { PricedVoucher } from './client/price.js';
export type { ApiErrorBody, FailedRequest } from './errors/api-error.js';
export type {
	ApplicableTo,
	Consent,
	ConsentChoices,
	ConsentList,
	Customer,
	CustomerInput,
	CustomerReference,
	Discount,
	EmbeddedCustomer,
	Gift,
	InvalidValidation,
	ListPromotionTiersParams,
	ListVouchersParams,
	Metadata,
	OrderInput,
	OrderItem,
	OrderSummary,
	PromotionTier,
	PromotionTierList,
	PromotionTierResult,
	PublicationResult,
	PublishParams,
	QualificationsParams,
	QualificationsResult,
	RedeemParams,
	RedemptionResult,
	RequestOptions,
	SessionTtlUnit,
	StackableParams,
	StackableRedeemable,
	StackableRedeemableResult,
	StackableRedemptionResult,
	StackableValidationResult,
	TrackedEvent,
	TrackParams,
	ValidValidation,
	ValidateParams,
	ValidationResult,
	ValidationSession,
	ValidationSessionResult,
	Voucher,
	VoucherList,
} from './client/types.js';
