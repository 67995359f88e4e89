import { UNSUBSCRIBED } from './consents.js';
import type { DomainContext } from '../shared/context.js';
import type { ConsentValue } from './customer.js';
import { findCustomer, saveCustomer } from './customers.js';
import { DomainError } from '../shared/errors.js';

/**
 * `PUT /client/v1/customers/{id or source_id}/consents`: `{[consentId | 'unsubscribed']: boolean}`.
 * The SDK names an anonymous visitor by tracking id; for an id no customer has, the consents are
 * kept under that tracking id and move onto the customer it merges into (ours).
 */
export function updateConsents(ctx: DomainContext, idOrSourceId: string, values: Readonly<Record<string, boolean>>): void {
	const known = new Set([UNSUBSCRIBED, ...ctx.catalog.consents.map((consent) => consent.id)]);
	const unknown = Object.keys(values).filter((id) => !known.has(id));
	if (unknown.length > 0) throw new DomainError('invalid_payload', 'Invalid payload', `Unknown consent id: ${unknown.join(', ')}`);
	const date = ctx.now().toISOString();
	const updates: Record<string, ConsentValue> = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { date, value }]));
	const customer = findCustomer(ctx, idOrSourceId);
	if (!customer) {
		ctx.state.anonymousConsents.set(idOrSourceId, { ...ctx.state.anonymousConsents.get(idOrSourceId), ...updates });
		return;
	}
	saveCustomer(ctx, {
		...customer,
		system_metadata: { ...customer.system_metadata, consents: { ...customer.system_metadata.consents, ...updates } },
		updated_at: date,
	});
}
