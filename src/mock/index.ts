// The mock Voucherify API: `voucherify-browser/mock`. Node only; never imported by the browser SDK.
export { createMockApi } from './create-mock-api.js';
export { MOCK_DEFAULTS } from './options.js';
export { DEFAULT_CAMPAIGNS, DEFAULT_CONSENTS, DEFAULT_VOUCHERS } from './fixtures.js';
export { RESET_PATH } from './http/handlers.js';
export { CORS_ALLOWED_HEADERS, PREFLIGHT_MAX_AGE_SECONDS } from './http/cors.js';
export { REAL_RATE_LIMIT } from './http/rate-limiter.js';

export type { MockApi, StartOptions } from './create-mock-api.js';
export type { MockApiOptions } from './options.js';
export type { RunningMockServer } from './server/node-server.js';
export type { RateLimit } from './http/rate-limiter.js';
export type { FaultOptions, FaultKind } from './faults/options.js';
export type { ClientCall } from './http/fault-answers.js';
export type { VoucherDefinition, Voucher, VoucherType, Gift } from './domain/vouchers/voucher.js';
export type { Discount, PercentDiscount, AmountDiscount, UnitDiscount } from './domain/orders/benefits.js';
export type { Customer, CustomerSummary } from './domain/customers/customer.js';
export type { Activity, ActivityType } from './domain/tracking/activity.js';
export type { CampaignDefinition, PromotionTierDefinition } from './domain/vouchers/campaigns.js';
export type { Consent } from './domain/customers/consents.js';
export type { MockStateSnapshot } from './domain/shared/state.js';
