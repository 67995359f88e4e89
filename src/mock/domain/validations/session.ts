import type { DomainContext } from '../shared/context.js';

/** A validation session as requested: `session_type=LOCK` and friends. */
export interface SessionInput {
	readonly type: 'LOCK';
	readonly key?: string;
	readonly ttl?: number;
	readonly ttl_unit?: string;
}

/** The `session` object of a validation answer. */
export interface Session {
	readonly key: string;
	readonly type: 'LOCK';
	readonly ttl: number;
	readonly ttl_unit: string;
}

/**
 * Echoes the session a validation asked for. The mock does not lock anything: sessions only
 * reserve budgets in the real API, which the mock does not model.
 */
export const openSession = (ctx: DomainContext, input: SessionInput | undefined): { session?: Session } =>
	input ? { session: { key: input.key ?? ctx.ids.session(), type: 'LOCK', ttl: input.ttl ?? 7, ttl_unit: input.ttl_unit ?? 'DAYS' } } : {};
