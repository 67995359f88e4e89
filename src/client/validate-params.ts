import { refuse } from '../errors/invalid-input-error.js';
import { describeType } from '../shared/identity.js';
import {
	checkAmount,
	checkCode,
	checkCustomerInput,
	checkExactAmounts,
	checkItems,
	checkObject,
	checkQueryFields,
	checkText,
	isPlainObject,
	snapshotInput,
} from './input.js';
import type { ValidateParams } from './types/params.js';

const SESSION_TTL_UNITS = new Set(['DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLISECONDS', 'MICROSECONDS', 'NANOSECONDS']);
const KNOWN_KEYS = new Set(['code', 'amount', 'items', 'customer', 'metadata', 'orderMetadata', 'session']);

/**
Accepts a bare code or the params object and checks every field for the JSON body of `POST /client/v1/validations`;
returns the params with a trimmed code. Without a code, the promotions query's narrower grammar is checked later
(`checkValidateQuery` in query.ts).
*/
export function normalizeValidateParams(argument: unknown): ValidateParams {
	if (typeof argument === 'string') return { code: checkCode(argument) };
	// One reading of the argument: checked, then sent, from the same copy.
	const input = snapshotInput(argument);
	if (!isPlainObject(input)) return refuse('params', `must be a code or a params object, got ${describeType(input)}`);

	for (const key of Object.keys(input)) {
		if (!KNOWN_KEYS.has(key)) refuse(key, 'is not a validate() parameter');
	}

	const { code, amount, items, customer, metadata, orderMetadata, session } = input;
	if (code !== undefined) input.code = checkCode(code);
	if (amount !== undefined) checkAmount(amount, 'amount');
	if (items !== undefined) checkItems(items, 'items');
	checkExactAmounts(input, '');
	if (typeof customer === 'string') checkText(customer, 'customer');
	else if (customer !== undefined) checkCustomerInput(customer);
	checkObject(metadata, 'metadata');
	checkObject(orderMetadata, 'orderMetadata');
	if (session !== undefined) {
		if (!isPlainObject(session)) return refuse('session', 'must be an object');
		checkQueryFields(session, 'session', ['key', 'ttl', 'ttlUnit']);
		if (session.key !== undefined) checkText(session.key, 'session.key');
		if (session.ttl !== undefined) checkAmount(session.ttl, 'session.ttl', { positive: true });
		if (session.ttlUnit !== undefined && !SESSION_TTL_UNITS.has(session.ttlUnit as string)) {
			refuse('session.ttlUnit', `must be one of ${[...SESSION_TTL_UNITS].join(', ')}`);
		}
	}
	snapshotInput(input, '');
	return input as ValidateParams;
}
