import type { SessionInput } from '../domain/validations/session.js';
import type { InputReader } from './reader.js';

const TTL_UNITS = ['DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLISECONDS', 'MICROSECONDS', 'NANOSECONDS'] as const;

/** Reads a session from its parts: `session_type`, `session_key`, `session_ttl`, `session_ttl_unit` (or the body's `session`). */
export function readSession(read: InputReader, parts: { type: unknown; key: unknown; ttl: unknown; ttlUnit: unknown }, path: string): SessionInput | undefined {
	const type = read.oneOf(parts.type, `${path}type`, ['LOCK'] as const);
	if (type === undefined) return undefined;
	const key = read.string(parts.key, `${path}key`);
	const ttl = read.integer(parts.ttl, `${path}ttl`);
	const ttlUnit = read.oneOf(parts.ttlUnit, `${path}ttl_unit`, TTL_UNITS);
	return { type, ...(key === undefined ? {} : { key }), ...(ttl === undefined ? {} : { ttl }), ...(ttlUnit === undefined ? {} : { ttl_unit: ttlUnit }) };
}
