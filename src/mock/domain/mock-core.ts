import type { Activity } from './tracking/activity.js';
import { updateConsents } from './customers/consent-updates.js';
import { listConsents } from './customers/consents.js';
import type { Catalog, DomainContext } from './shared/context.js';
import type { Customer, CustomerInput } from './customers/customer.js';
import { campaignOperations } from './campaign-features.js';
import { customerOperations } from './customer-features.js';
import { deleteCustomer, listCustomers, requireCustomer, updateCustomer, upsertCustomer, type CustomerListQuery } from './customers/customers.js';
import { trackEvent, type CustomEventRequest } from './tracking/events.js';
import type { IdSource } from './shared/ids.js';
import { customerActivityList, type ActivityListQuery } from './tracking/customer-activities.js';
import { publish, type PublishRequest } from './vouchers/publications.js';
import { qualify, type QualificationRequest } from './validations/qualifications.js';
import type { RedeemableRef } from './validations/redeemables.js';
import { redeemStack, redeemVoucher, type RedemptionRequest } from './validations/redemption.js';
import { createEmptyState, replaceState, toSnapshot, type MockState, type MockStateSnapshot } from './shared/state.js';
import { listTiers, type TierListQuery } from './vouchers/tiers.js';
import { refreshMemberships } from './segments/segments.js';
import { forgetSourceIdIndex } from './customers/source-id-index.js';
import { resolveTrackingId } from './tracking/tracking.js';
import { validatePromotions, validateStack, validateVoucher, type ValidationRequest } from './validations/validation.js';
import type { VoucherDefinition } from './vouchers/voucher.js';
import { addVoucher, getVoucher, listVouchers, type VoucherListQuery } from './vouchers/vouchers.js';

/** What a core is made of. Time and randomness are injected; nothing here touches I/O. */
export interface CoreOptions {
	readonly catalog: Catalog;
	/** The vouchers `reset()` restores. */
	readonly vouchers: readonly VoucherDefinition[];
	readonly ids: IdSource;
	readonly now: () => Date;
	/** How long background jobs (async actions, exports) stay pending. @default 0 */
	readonly jobDelayMs?: number;
	/** Start from this state (a loaded data file) instead of the fixtures. */
	readonly initialState?: MockState;
	/**
	 * Where changes are kept (`dataFile`). It takes over the starting state and hands back the copy the
	 * core works on; `commit()` runs after every operation that may have changed it, even one that then
	 * threw. When `commit()` throws, the store has undone the change and the error stands: an answered
	 * failure never leaves a change behind.
	 */
	readonly store?: StatePersistence;
}

/** How a core hands its changes to persistence; the domain itself does no I/O. */
export interface StatePersistence {
	attach(state: MockState): MockState;
	commit(): void;
}

/** Builds the state the fixtures describe. */
function seedState(context: Omit<DomainContext, 'state'>, vouchers: readonly VoucherDefinition[]): MockState {
	const state = createEmptyState();
	for (const definition of vouchers) addVoucher({ ...context, state }, definition);
	return state;
}

/**
 * The mock's domain core: every Voucherify operation the mock answers, synchronous and free of HTTP.
 * State lives in the instance; one request is one synchronous call, so calls never interleave.
 */
export function createMockCore(options: CoreOptions) {
	const { catalog, ids, now, store } = options;
	const jobDelayMs = options.jobDelayMs ?? 0;
	const initial = options.initialState ?? seedState({ catalog, ids, now, jobDelayMs }, options.vouchers);
	const state = store ? store.attach(initial) : initial;
	/** Customers stored or deleted by the running operation, whose segment membership is re-evaluated when it ends. */
	const changedCustomers = new Set<string>();
	const ctx: DomainContext = { state, catalog, ids, now, jobDelayMs, customerChanged: (id) => changedCustomers.add(id) };
	const commit = (): void => {
		try {
			store?.commit();
		} catch (error) {
			// The store undid the change in the Maps themselves, behind the domain's index.
			forgetSourceIdIndex(state.customers);
			throw error;
		}
	};

	/** Wraps an operation that may change the state, so persistence sees every change. */
	const changing =
		<A extends unknown[], R>(operation: (context: DomainContext, ...args: A) => R) =>
		(...args: A): R => {
			try {
				return operation(ctx, ...args);
			} finally {
				if (changedCustomers.size > 0) refreshMemberships(ctx, changedCustomers);
				changedCustomers.clear();
				commit();
			}
		};
	const reading =
		<A extends unknown[], R>(operation: (context: DomainContext, ...args: A) => R) =>
		(...args: A): R =>
			operation(ctx, ...args);

	return {
		ids,
		/** The tracking id a call carried, else its customer's `source_id`, else a new one. */
		resolveTrackingId: (carried?: string, sourceId?: string): string => resolveTrackingId(ctx, carried, sourceId),
		validateVoucher: changing((context, code: string, request: ValidationRequest) => validateVoucher(context, code, request)),
		validatePromotions: changing(validatePromotions),
		validateStack: changing((context, refs: readonly RedeemableRef[], request: ValidationRequest) => validateStack(context, refs, request)),
		redeemVoucher: changing((context, code: string, request: Omit<RedemptionRequest, 'redeemables'>) => redeemVoucher(context, code, request)),
		redeemStack: changing(redeemStack),
		publish: changing((context, request: PublishRequest) => publish(context, request)),
		trackEvent: changing((context, request: CustomEventRequest) => trackEvent(context, request)),
		qualify: reading((context, request: QualificationRequest) => qualify(context, request)),
		listVouchers: reading((context, query: VoucherListQuery) => listVouchers(context, query)),
		getVoucher: reading((context, code: string) => getVoucher(context, code)),
		addVoucher: changing((context, definition: VoucherDefinition) => addVoucher(context, definition)),
		listTiers: reading((context, query: TierListQuery) => listTiers(context, query)),
		listConsents: () => listConsents(catalog.consents),
		updateConsents: changing((context, idOrSourceId: string, values: Readonly<Record<string, boolean>>) => updateConsents(context, idOrSourceId, values)),
		upsertCustomer: changing((context, input: CustomerInput) => upsertCustomer(context, input)),
		getCustomer: reading((context, idOrSourceId: string): Customer => requireCustomer(context, idOrSourceId)),
		updateCustomer: changing((context, idOrSourceId: string, input: CustomerInput) => updateCustomer(context, idOrSourceId, input)),
		deleteCustomer: changing((context, idOrSourceId: string) => deleteCustomer(context, idOrSourceId)),
		listCustomers: reading((context, query: CustomerListQuery) => listCustomers(context, query)),
		customerActivity: reading((context, idOrSourceId: string, query: ActivityListQuery) => customerActivityList(context, idOrSourceId, query)),
		...customerOperations(changing, reading),
		...campaignOperations(changing, reading),
		/** Anonymous activity of a tracking id no customer owns, oldest first. */
		anonymousActivity: (trackingId: string): readonly Activity[] => state.anonymousActivity.get(trackingId) ?? [],
		snapshot: (): MockStateSnapshot => toSnapshot(state),
		/** Back to the fixtures: customers, activity and publications are cleared. */
		reset: changing(() => replaceState(state, seedState({ catalog, ids, now, jobDelayMs }, options.vouchers))),
	};
}

/** One mock's domain core. */
export type MockCore = ReturnType<typeof createMockCore>;
