import { listConsents, listPromotionTiers, listVouchers, qualifications, updateConsents } from './calls/catalog-calls.js';
import { deliver, drain } from './calls/delivery.js';
import { validatePromotions } from './calls/validate-promotions.js';
import { redeemStackable, validateStackable } from './calls/validate-stackable.js';
import { createCustomer, publish, redeem, track } from './calls/visitor-calls.js';

/** Every call of a client but `validate` with a code, each taking the client's context first. */
export const CLIENT_CALLS = {
	validatePromotions,
	validateStackable,
	redeemStackable,
	redeem,
	publish,
	track,
	createCustomer,
	listVouchers,
	listConsents,
	updateConsents,
	qualifications,
	listPromotionTiers,
	deliver,
	drain,
};

export type ClientCalls = typeof CLIENT_CALLS;
