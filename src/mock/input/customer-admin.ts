import type { ActivitiesQuery } from '../domain/tracking/customer-activities.js';
import type { SegmentInput } from '../domain/segments/segments.js';
import type { AssignmentTarget, ValidationRuleInput } from '../domain/rules/validation-rules.js';
import type { QueryObject } from './query-string.js';
import { bodyReader as body, queryReader as query } from './reader.js';

type Json = Record<string, unknown>;

/** `POST /v1/segments`: `{name, type:'static', customers}` or `{name, type:'auto-update', filter}`. */
export function readSegmentBody(json: Json): SegmentInput {
	const name = body.requiredString(json.name, 'name');
	const type = body.oneOf(json.type, 'type', ['static', 'auto-update'] as const) ?? (json.filter === undefined ? 'static' : 'auto-update');
	const metadata = body.metadata(json.metadata, 'metadata');
	const extra = metadata === undefined ? {} : { metadata };
	if (type === 'auto-update') return { name, type, filter: body.requiredObject(json.filter, 'filter'), ...extra };
	const customers = body.list(json.customers, 'customers');
	if (customers === undefined) throw body.invalid('customers', 'a list of customer ids for a static segment');
	return { name, type, customers: customers.map((id, index) => body.requiredString(id, `customers[${index}]`)), ...extra };
}

/** `POST /v1/validation-rules`: `{name, rules, error?}`. */
export function readValidationRuleBody(json: Json): ValidationRuleInput {
	const error = body.object(json.error, 'error');
	const message = body.string(error?.message, 'error.message');
	return {
		name: body.requiredString(json.name, 'name'),
		rules: body.requiredObject(json.rules, 'rules'),
		...(error === undefined ? {} : { error: message === undefined ? {} : { message } }),
	};
}

const TARGETS: readonly AssignmentTarget[] = ['voucher', 'campaign', 'promotion_tier'];

/** `POST /v1/validation-rules/{id}/assignments`: exactly one of `voucher`, `campaign`, `promotion_tier`. */
export function readAssignmentBody(json: Json): { target: AssignmentTarget; id: string } {
	const named = TARGETS.filter((target) => json[target] !== undefined);
	const [target] = named;
	if (named.length !== 1 || target === undefined) throw body.invalid('body', `an object with exactly one of ${TARGETS.join(', ')}`);
	return { target, id: body.requiredString(json[target], target) };
}

/** `GET /v1/customers/{id}/activities`: `limit` (1–100, default 10) and `starting_after`. */
export function readActivitiesQuery(params: QueryObject): ActivitiesQuery {
	const limit = query.integer(params.limit, 'limit') ?? 10;
	if (limit < 1 || limit > 100) throw query.invalid('limit', 'an integer from 1 to 100');
	const startingAfter = query.string(params.starting_after, 'starting_after') || undefined;
	return startingAfter === undefined ? { limit } : { limit, startingAfter };
}
