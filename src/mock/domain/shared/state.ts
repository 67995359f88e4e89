import type { Activity } from '../tracking/activity.js';
import type { ConsentValue, Customer } from '../customers/customer.js';
import { DomainError } from './errors.js';
import { forgetSourceIdIndex } from '../customers/source-id-index.js';
import type { Metadata } from '../orders/order.js';
import type { AsyncAction, ExportRecord, RuleAssignment, Segment, ValidationRule } from './records.js';
import type { Voucher } from '../vouchers/voucher.js';
import type { CampaignDefinition } from '../vouchers/campaigns.js';
import type { VoucherTransaction } from '../vouchers/transaction-record.js';

/** A publication as stored: which voucher went to which visitor or customer. */
export interface PublicationRecord {
	readonly id: string;
	readonly created_at: string;
	readonly voucher_code: string;
	readonly campaign_id: string;
	readonly tracking_id: string;
	readonly customer_id: string | null;
	readonly channel: string;
	readonly metadata: Metadata;
}

/** Everything that changes while the mock runs. Campaigns, tiers and consents are fixed (see the catalog). */
export interface MockState {
	/** By code. */
	readonly vouchers: Map<string, Voucher>;
	/** By customer id. */
	readonly customers: Map<string, Customer>;
	/** Activity of each customer, oldest first. */
	readonly customerActivity: Map<string, Activity[]>;
	/** Activity of tracking ids no customer owns yet, oldest first. */
	readonly anonymousActivity: Map<string, Activity[]>;
	/** Consents given under tracking ids no customer owns yet (ours: the SDK names the visitor by tracking id). */
	readonly anonymousConsents: Map<string, Readonly<Record<string, ConsentValue>>>;
	/** Tracking id → id of the customer its activity was merged into. */
	readonly trackingOwners: Map<string, string>;
	readonly publications: PublicationRecord[];
	/** By segment id. */
	readonly segments: Map<string, Segment>;
	/** Customer id → ids of the segments it belongs to, static and auto-update. */
	readonly segmentMemberships: Map<string, string[]>;
	/** By validation rule id. */
	readonly validationRules: Map<string, ValidationRule>;
	/** By assignment id. */
	readonly ruleAssignments: Map<string, RuleAssignment>;
	/** By async action id: CSV imports and their per-line results. */
	readonly asyncActions: Map<string, AsyncAction>;
	/** By export id, with the CSV each one produced. */
	readonly exports: Map<string, ExportRecord>;
	/** Campaigns created through `POST /v1/campaigns`, by id (the fixture campaigns are in the catalog). */
	readonly campaigns: Map<string, CampaignDefinition>;
	/** Gift card balance changes and redemptions, by voucher code, oldest first. */
	readonly voucherTransactions: Map<string, VoucherTransaction[]>;
}

/**
 * The Maps of {@link MockState}, by field. `dataFile` persistence journals exactly these (and the
 * lists below): a Map added to MockState is listed here, and the type check below fails until it is.
 * Their values are replaced with `set`, never edited in place; a value that is a list may grow with `push`.
 */
export const STATE_MAPS = [
	'vouchers',
	'customers',
	'customerActivity',
	'anonymousActivity',
	'anonymousConsents',
	'trackingOwners',
	'segments',
	'segmentMemberships',
	'validationRules',
	'ruleAssignments',
	'asyncActions',
	'exports',
	'campaigns',
	'voucherTransactions',
] as const;

/** The lists (arrays) of {@link MockState}, by field. */
export const STATE_LISTS = ['publications'] as const;

type FieldsOfKind<Kind> = { [Field in keyof MockState]: MockState[Field] extends Kind ? Field : never }[keyof MockState];
/** Compile-time check: every Map and list of MockState is named above. */
const everyCollectionListed: [Exclude<FieldsOfKind<Map<string, unknown>>, (typeof STATE_MAPS)[number]>, Exclude<FieldsOfKind<unknown[]>, (typeof STATE_LISTS)[number]>] extends [never, never]
	? true
	: false = true;
void everyCollectionListed;

/** The JSON form of the state, as `snapshot()` returns it. */
export interface MockStateSnapshot {
	readonly format: typeof SNAPSHOT_FORMAT;
	readonly version: 1;
	readonly vouchers: readonly Voucher[];
	readonly customers: readonly Customer[];
	readonly customerActivity: Readonly<Record<string, readonly Activity[]>>;
	readonly anonymousActivity: Readonly<Record<string, readonly Activity[]>>;
	readonly anonymousConsents: Readonly<Record<string, Readonly<Record<string, ConsentValue>>>>;
	readonly trackingOwners: Readonly<Record<string, string>>;
	readonly publications: readonly PublicationRecord[];
	readonly segments: Readonly<Record<string, Segment>>;
	readonly segmentMemberships: Readonly<Record<string, readonly string[]>>;
	readonly validationRules: Readonly<Record<string, ValidationRule>>;
	readonly ruleAssignments: Readonly<Record<string, RuleAssignment>>;
	readonly asyncActions: Readonly<Record<string, AsyncAction>>;
	readonly exports: Readonly<Record<string, ExportRecord>>;
	readonly campaigns?: Readonly<Record<string, CampaignDefinition>>;
	readonly voucherTransactions?: Readonly<Record<string, readonly VoucherTransaction[]>>;
}

const SNAPSHOT_FORMAT = 'voucherify-mock-state';

/** A state with no vouchers, customers or activity. */
export const createEmptyState = (): MockState => ({
	vouchers: new Map(),
	customers: new Map(),
	customerActivity: new Map(),
	anonymousActivity: new Map(),
	anonymousConsents: new Map(),
	trackingOwners: new Map(),
	publications: [],
	segments: new Map(),
	segmentMemberships: new Map(),
	validationRules: new Map(),
	ruleAssignments: new Map(),
	asyncActions: new Map(),
	exports: new Map(),
	campaigns: new Map(),
	voucherTransactions: new Map(),
});

/** The collections added after the first snapshot format; a file written before them loads with them empty. */
const LATER_COLLECTIONS = ['segments', 'segmentMemberships', 'validationRules', 'ruleAssignments', 'asyncActions', 'exports', 'campaigns', 'voucherTransactions'] as const;

/** Replaces the contents of `target` with those of `source`, keeping the same object. */
export function replaceState(target: MockState, source: MockState): void {
	for (const key of STATE_MAPS) {
		const map = target[key] as Map<string, unknown>;
		map.clear();
		for (const [id, value] of source[key]) map.set(id, value);
	}
	target.publications.splice(0, target.publications.length, ...source.publications);
	forgetSourceIdIndex(target.customers);
}

/** A deep, JSON-safe copy of the state. */
export function toSnapshot(state: MockState): MockStateSnapshot {
	return structuredClone({
		format: SNAPSHOT_FORMAT,
		version: 1,
		vouchers: [...state.vouchers.values()],
		customers: [...state.customers.values()],
		customerActivity: Object.fromEntries(state.customerActivity),
		anonymousActivity: Object.fromEntries(state.anonymousActivity),
		anonymousConsents: Object.fromEntries(state.anonymousConsents),
		trackingOwners: Object.fromEntries(state.trackingOwners),
		publications: [...state.publications],
		segments: Object.fromEntries(state.segments),
		segmentMemberships: Object.fromEntries(state.segmentMemberships),
		validationRules: Object.fromEntries(state.validationRules),
		ruleAssignments: Object.fromEntries(state.ruleAssignments),
		asyncActions: Object.fromEntries(state.asyncActions),
		exports: Object.fromEntries(state.exports),
		campaigns: Object.fromEntries(state.campaigns),
		voucherTransactions: Object.fromEntries(state.voucherTransactions),
	});
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rebuilds the state from a snapshot; throws `invalid_payload` when the value is not one. */
export function fromSnapshot(value: unknown): MockState {
	const valid =
		isRecord(value) &&
		value.format === SNAPSHOT_FORMAT &&
		value.version === 1 &&
		Array.isArray(value.vouchers) &&
		Array.isArray(value.customers) &&
		Array.isArray(value.publications) &&
		isRecord(value.customerActivity) &&
		isRecord(value.anonymousActivity) &&
		isRecord(value.anonymousConsents) &&
		isRecord(value.trackingOwners) &&
		LATER_COLLECTIONS.every((key) => value[key] === undefined || isRecord(value[key]));
	if (!valid) throw new DomainError('invalid_payload', 'Not a mock state snapshot', `Expected an object with format "${SNAPSHOT_FORMAT}" and version 1`);
	const snapshot = structuredClone(value) as unknown as MockStateSnapshot;
	return {
		vouchers: new Map(snapshot.vouchers.map((voucher) => [voucher.code, voucher])),
		customers: new Map(snapshot.customers.map((customer) => [customer.id, customer])),
		customerActivity: new Map(Object.entries(snapshot.customerActivity).map(([id, list]) => [id, [...list]])),
		anonymousActivity: new Map(Object.entries(snapshot.anonymousActivity).map(([id, list]) => [id, [...list]])),
		anonymousConsents: new Map(Object.entries(snapshot.anonymousConsents)),
		trackingOwners: new Map(Object.entries(snapshot.trackingOwners)),
		publications: [...snapshot.publications],
		segments: new Map(Object.entries(snapshot.segments ?? {})),
		segmentMemberships: new Map(Object.entries(snapshot.segmentMemberships ?? {}).map(([id, list]) => [id, [...list]])),
		validationRules: new Map(Object.entries(snapshot.validationRules ?? {})),
		ruleAssignments: new Map(Object.entries(snapshot.ruleAssignments ?? {})),
		asyncActions: new Map(Object.entries(snapshot.asyncActions ?? {})),
		exports: new Map(Object.entries(snapshot.exports ?? {})),
		campaigns: new Map(Object.entries(snapshot.campaigns ?? {})),
		voucherTransactions: new Map(Object.entries(snapshot.voucherTransactions ?? {}).map(([code, list]) => [code, [...list]])),
	};
}
