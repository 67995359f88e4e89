import { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
import { describeType } from '../shared/identity.js';
import { checkAmount, checkCode, checkExactAmounts, checkCustomer, checkItems, checkMetadata, checkQueryFields, checkText, isPlainObject, snapshotInput } from './input.js';
import type { ValidateParams } from './types/params.js';

const SESSION_TTL_UNITS = new Set(['DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLISECONDS', 'MICROSECONDS', 'NANOSECONDS']);
const KNOWN_KEYS = new Set(['code', 'amount', 'items', 'customer', 'metadata', 'orderMetadata', 'session']);

/** Accepts a bare code or the params object, checks every field, and returns the params with a trimmed code. */
export function normalizeValidateParams(argument: unknown): ValidateParams {
	if (typeof argument === 'string') return { code: checkCode(argument) };
	// One reading of the argument: checked, then encoded, from the same copy.
	const input = snapshotInput(argument);
	if (!isPlainObject(input)) {
		throw new VoucherifyInvalidInputError('params', `\`validate()\` takes a code or a params object, got ${describeType(input)}`);
	}

	for (const key of Object.keys(input)) {
		if (!KNOWN_KEYS.has(key)) throw new VoucherifyInvalidInputError(key, `\`${key}\` is not a validate() parameter`);
	}

	const params: ValidateParams = {};
	if (input.code !== undefined) params.code = checkCode(input.code);
	if (input.amount !== undefined) params.amount = checkAmount(input.amount, 'amount');
	if (input.items !== undefined) params.items = checkItems(input.items, 'items', true);
	checkExactAmounts(params, '');
	if (input.customer !== undefined) params.customer = checkCustomer(input.customer);
	if (input.metadata !== undefined) params.metadata = checkMetadata(input.metadata, 'metadata');
	if (input.orderMetadata !== undefined) params.orderMetadata = checkMetadata(input.orderMetadata, 'orderMetadata');
	if (input.session !== undefined) {
		const session = input.session;
		if (!isPlainObject(session)) throw new VoucherifyInvalidInputError('session', '`session` must be an object');
		checkQueryFields(session, 'session', ['key', 'ttl', 'ttlUnit']);
		if (session.key !== undefined) checkText(session.key, 'session.key');
		if (session.ttl !== undefined) checkAmount(session.ttl, 'session.ttl', { positive: true });
		if (session.ttlUnit !== undefined && !SESSION_TTL_UNITS.has(session.ttlUnit as string)) {
			throw new VoucherifyInvalidInputError('session.ttlUnit', `\`session.ttlUnit\` must be one of ${[...SESSION_TTL_UNITS].join(', ')}`);
		}
		params.session = session as ValidateParams['session'];
	}

	return params;
}
