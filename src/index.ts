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
export type { Consent, ConsentList, Customer, EmbeddedCustomer, PromotionTier, PromotionTierList, PublicationResult, RedemptionResult, StackableRedemptionResult, TrackedEvent, Voucher, VoucherList } from './client/types/answers.js';
export type { ConsentChoices, CustomerInput, CustomerReference, ListPromotionTiersParams, ListVouchersParams, Metadata, OrderInput, OrderItem, PublishParams, QualificationsParams, RedeemParams, RequestOptions, SessionTtlUnit, StackableParams, StackableRedeemable, TrackParams, ValidateParams, ValidationSession } from './client/types/params.js';
export type { ApplicableTo, Discount, Gift, InvalidValidation, OrderSummary, PromotionTierResult, QualificationsResult, StackableRedeemableResult, StackableValidationResult, ValidValidation, ValidationResult, ValidationSessionResult } from './client/types/validation-answers.js';
