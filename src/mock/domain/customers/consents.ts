/** A marketing consent customers can give or withdraw. */
export interface Consent {
	readonly id: string;
	readonly object: 'consent';
	readonly name: string;
	readonly description: string;
	readonly category: string;
	readonly created_at: string;
}

/** The consent key every project has besides its own consents. */
export const UNSUBSCRIBED = 'unsubscribed';

/** The `consents` answer: the project's consents, no groups. */
export const listConsents = (consents: readonly Consent[]) => ({
	groups: { object: 'list', data_ref: 'data', data: [], total: 0 },
	consents: { object: 'list', data_ref: 'data', data: consents, total: consents.length },
});
