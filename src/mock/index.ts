// The mock Voucherify API: `voucherify-browser/mock`. Node only; never imported by the browser SDK.
export { createMockApi } from './create-mock-api';
export { MOCK_DEFAULTS } from './options';
export { DEFAULT_CAMPAIGNS, DEFAULT_CONSENTS, DEFAULT_VOUCHERS } from './fixtures';
export { RESET_PATH } from './http/handlers';
export { CORS_ALLOWED_HEADERS, PREFLIGHT_MAX_AGE_SECONDS } from './http/cors';
export { REAL_RATE_LIMIT } from './http/rate-limiter';

export type { MockApi, StartOptions } from './create-mock-api';
export type { MockApiOptions } from './options';
export type { RunningMockServer } from './server/node-server';
export type { RateLimit } from './http/rate-limiter';
export type { FaultOptions, FaultKind } from './faults/options';
export type { ClientCall } from './http/fault-answers';
export type { VoucherDefinition, Voucher, VoucherType, Gift } from './domain/voucher';
export type { Discount, PercentDiscount, AmountDiscount, UnitDiscount } from './domain/benefits';
export type { Customer, CustomerSummary } from './domain/customer';
export type { Activity, ActivityType } from './domain/activity';
export type { CampaignDefinition, PromotionTierDefinition } from './domain/campaigns';
export type { Consent } from './domain/consents';
export type { MockStateSnapshot } from './domain/state';
