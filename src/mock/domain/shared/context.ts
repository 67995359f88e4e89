import type { CampaignDefinition } from '../vouchers/campaigns.js';
import type { Consent } from '../customers/consents.js';
import type { IdSource } from './ids.js';
import type { MockState } from './state.js';

/** The fixed part of the mock's data: campaigns (with their tiers) and consents. */
export interface Catalog {
	readonly campaigns: readonly CampaignDefinition[];
	readonly consents: readonly Consent[];
}

/** What every domain operation works on. Time and randomness come in from outside so the core stays pure. */
export interface DomainContext {
	readonly state: MockState;
	readonly catalog: Catalog;
	readonly ids: IdSource;
	readonly now: () => Date;
	/** How long a background job (an async action, an export) stays pending on the core's clock. */
	readonly jobDelayMs: number;
	/** Told of every customer stored or deleted, so the core can bring segment membership up to date afterwards. */
	readonly customerChanged?: (customerId: string) => void;
}
