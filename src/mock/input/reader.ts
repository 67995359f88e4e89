import { MAX_AMOUNT } from '../../shared/money.js';
import { DomainError } from '../domain/shared/errors.js';

/** A JSON body, or a query string parsed into nested objects (every leaf a string). */
export type InputSource = 'body' | 'query';

/** Digits of a query integer: at most as many as MAX_AMOUNT has, then compared with it. */
const AMOUNT_DIGITS = /^\d{1,16}$/;

/** The integer a query value writes, when it is one from 0 to MAX_AMOUNT (beyond, `Number` would round). */
export const queryInteger = (value: unknown): number | undefined =>
	typeof value === 'string' && AMOUNT_DIGITS.test(value) && Number(value) <= MAX_AMOUNT ? Number(value) : undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads untrusted input into typed values, naming the offending field when it cannot. The same
 * reader serves JSON bodies and parsed query strings: in a query every number arrives as text and
 * a list as an object with index keys (`item[0][…]`).
 */
export class InputReader {
	constructor(readonly source: InputSource) {}

	/** The error for a field that is not what it must be. */
	invalid(path: string, expectation: string): DomainError {
		const key = this.source === 'query' ? 'invalid_query_params' : 'invalid_payload';
		const message = this.source === 'query' ? 'Invalid query params' : 'Invalid payload';
		return new DomainError(key, message, `${path} must be ${expectation}`);
	}

	object(value: unknown, path: string): Record<string, unknown> | undefined {
		if (value === undefined) return undefined;
		if (!isPlainObject(value)) throw this.invalid(path, 'an object');
		return value;
	}

	requiredObject(value: unknown, path: string): Record<string, unknown> {
		const object = this.object(value, path);
		if (object === undefined) throw this.invalid(path, 'an object');
		return object;
	}

	/** `null` counts as absent: callers send it for "not set". */
	string(value: unknown, path: string): string | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string') throw this.invalid(path, 'a string');
		return value;
	}

	requiredString(value: unknown, path: string): string {
		const text = this.string(value, path);
		if (text === undefined || text.trim() === '') throw this.invalid(path, 'a non-empty string');
		return text;
	}

	/** A string field that may be set to `null` to clear it. */
	nullableString(value: unknown, path: string): string | null | undefined {
		return value === null ? null : this.string(value, path);
	}

	/** A non-negative integer: a JSON number in a body, digits in a query. */
	integer(value: unknown, path: string): number | undefined {
		if (value === undefined || value === null) return undefined;
		const integer = this.source === 'query' ? queryInteger(value) : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
		if (integer === undefined) throw this.invalid(path, `an integer from 0 to ${MAX_AMOUNT}`);
		return integer;
	}

	/** A positive number (fractions allowed), as percentages are. */
	positiveNumber(value: unknown, path: string): number | undefined {
		if (value === undefined || value === null) return undefined;
		const number = this.source === 'query' && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) throw this.invalid(path, 'a positive number');
		return number;
	}

	boolean(value: unknown, path: string): boolean | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'boolean') return value;
		if (this.source === 'query' && (value === 'true' || value === 'false')) return value === 'true';
		throw this.invalid(path, 'true or false');
	}

	/** An array in a body; in a query, an object whose keys are indexes, read in index order. */
	list(value: unknown, path: string): unknown[] | undefined {
		if (value === undefined) return undefined;
		if (Array.isArray(value)) return value;
		if (this.source === 'query' && isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
			return Object.keys(value)
				.sort((left, right) => Number(left) - Number(right))
				.map((key) => value[key]);
		}
		throw this.invalid(path, 'a list');
	}

	/** Free-form metadata: any object. */
	metadata(value: unknown, path: string): Record<string, unknown> | undefined {
		return this.object(value, path);
	}

	/** One of a fixed set of strings. */
	oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
		const text = this.string(value, path);
		if (text === undefined) return undefined;
		if (!(allowed as readonly string[]).includes(text)) throw this.invalid(path, `one of ${allowed.join(', ')}`);
		return text as T;
	}
}

/** Reads JSON bodies. */
export const bodyReader = new InputReader('body');
/** Reads parsed query strings. */
export const queryReader = new InputReader('query');
