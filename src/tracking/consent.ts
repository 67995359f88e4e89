/** The visitor's tracking consent: what the tracker may store, and where. */
export type ConsentState = 'granted' | 'pending' | 'denied';

export const CONSENT_STATES: readonly ConsentState[] = ['granted', 'pending', 'denied'];

export const isConsentState = (value: unknown): value is ConsentState => CONSENT_STATES.includes(value as ConsentState);
