import type { DomainContext } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { parseRuleLogic, type RuleLogic } from './logic.js';
import { compileFilter, type CompiledFilter } from '../segments/filter.js';
import type { AssignmentTarget, RuleAssignment, ValidationRule } from '../shared/records.js';

export type { AssignmentTarget, RuleAssignment, ValidationRule } from '../shared/records.js';

/** `POST /v1/validation-rules`, read. */
export interface ValidationRuleInput {
	readonly name: string;
	readonly rules: Readonly<Record<string, unknown>>;
	readonly error?: { readonly message?: string };
}

/** One numbered rule, checked. */
export type CompiledRule =
	| { readonly kind: 'segment'; readonly member: boolean; readonly segmentIds: readonly string[] }
	| { readonly kind: 'metadata'; readonly filter: CompiledFilter };

/** A rule set ready to evaluate. */
export interface CompiledRules {
	readonly rules: ReadonlyMap<string, CompiledRule>;
	readonly logic: RuleLogic;
}

/** The rule names the mock evaluates. */
export const RULE_NAMES = ['customer.segment', 'customer.metadata'] as const;
const SEGMENT_OPERATORS: Readonly<Record<string, boolean>> = { $is: true, $in: true, $is_not: false, $not_in: false };

const invalid = (details: string) => new DomainError('invalid_payload', 'Invalid payload', details);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function compileSegmentRule(ctx: DomainContext, conditions: Record<string, unknown>, path: string, lenient: boolean): CompiledRule {
	const entries = Object.entries(conditions);
	const [operator, ids] = entries[0] ?? [];
	if (entries.length !== 1 || operator === undefined) throw invalid(`${path}.conditions must hold one operator`);
	const member = SEGMENT_OPERATORS[operator];
	if (member === undefined) throw invalid(`${path} does not take the operator ${operator}; it takes ${Object.keys(SEGMENT_OPERATORS).join(', ')}`);
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) throw invalid(`${path}.conditions.${operator} must be a non-empty list of segment ids`);
	if (!lenient) for (const id of ids) if (!ctx.state.segments.has(id)) throw notFound('segment', id);
	return { kind: 'segment', member, segmentIds: ids };
}

/** The official SDK's own code writes rule names with underscores; they mean the dotted ones. */
const UNDERSCORED_NAMES: Readonly<Record<string, string>> = { customer_segment: 'customer.segment', customer_metadata: 'customer.metadata' };

function compileRule(ctx: DomainContext, key: string, given: unknown, lenient: boolean): CompiledRule {
	const path = `rules.${key}`;
	if (!isRecord(given)) throw invalid(`${path} must be an object`);
	const value = typeof given.name === 'string' && UNDERSCORED_NAMES[given.name] ? { ...given, name: UNDERSCORED_NAMES[given.name] } : given;
	if (!(RULE_NAMES as readonly unknown[]).includes(value.name)) throw invalid(`${path}.name ${JSON.stringify(value.name)} is not a rule the mock knows; it knows ${RULE_NAMES.join(', ')}`);
	if (!isRecord(value.conditions)) throw invalid(`${path}.conditions must be an object`);
	if (value.name === 'customer.segment') return compileSegmentRule(ctx, value.conditions, path, lenient);
	if (typeof value.property !== 'string' || value.property === '') throw invalid(`${path}.property must name the metadata key`);
	return { kind: 'metadata', filter: compileFilter({ [`metadata.${value.property}`]: { conditions: value.conditions } }, path) };
}

/**
 * Checks a `rules` object: numbered rules plus an optional `logic` (default: all of them). `lenient`
 * accepts segments deleted since the rule was made: nobody belongs to them any more.
 */
export function compileRules(ctx: DomainContext, rules: Readonly<Record<string, unknown>>, { lenient = false } = {}): CompiledRules {
	const { logic, ...numbered } = rules;
	const keys = Object.keys(numbered);
	const stray = keys.find((key) => !/^[0-9]+$/.test(key));
	if (stray !== undefined) throw invalid(`rules.${stray} is not a rule number`);
	if (keys.length === 0) throw invalid('rules must define at least one rule');
	if (logic !== undefined && typeof logic !== 'string') throw invalid('rules.logic must be a string');
	const compiled = new Map(keys.map((key) => [key, compileRule(ctx, key, numbered[key], lenient)]));
	return { rules: compiled, logic: parseRuleLogic(logic ?? keys.join(' and '), new Set(keys)) };
}

/** `POST /v1/validation-rules`. */
export function createValidationRule(ctx: DomainContext, input: ValidationRuleInput): ValidationRule {
	// A segment that does not exist is no refusal: nobody belongs to it, so the rule never matches.
	compileRules(ctx, input.rules, { lenient: true });
	const rule: ValidationRule = {
		id: ctx.ids.validationRule(),
		object: 'validation_rules',
		name: input.name,
		rules: input.rules,
		...(input.error ? { error: input.error } : {}),
		created_at: ctx.now().toISOString(),
		updated_at: null,
	};
	ctx.state.validationRules.set(rule.id, rule);
	return rule;
}

/** `GET /v1/validation-rules/{id}`. */
export function getValidationRule(ctx: DomainContext, id: string): ValidationRule {
	const rule = ctx.state.validationRules.get(id);
	if (!rule) throw notFound('validation_rules', id);
	return rule;
}

/** `DELETE /v1/validation-rules/{id}`: its assignments go with it. */
export function deleteValidationRule(ctx: DomainContext, id: string): void {
	getValidationRule(ctx, id);
	ctx.state.validationRules.delete(id);
	for (const [assignmentId, assignment] of ctx.state.ruleAssignments) if (assignment.rule_id === id) ctx.state.ruleAssignments.delete(assignmentId);
}

/** `POST /v1/validation-rules/{id}/assignments`: to a voucher (code), a campaign (id or name) or a promotion tier (id). */
export function assignValidationRule(ctx: DomainContext, ruleId: string, target: AssignmentTarget, relatedId: string): RuleAssignment {
	getValidationRule(ctx, ruleId);
	const assignment: RuleAssignment = {
		id: ctx.ids.ruleAssignment(),
		object: 'validation_rules_assignment',
		rule_id: ruleId,
		related_object_type: target,
		related_object_id: relatedId,
		created_at: ctx.now().toISOString(),
		updated_at: null,
	};
	ctx.state.ruleAssignments.set(assignment.id, assignment);
	return assignment;
}

/** `GET /v1/validation-rules/{id}/assignments`. */
export const listRuleAssignments = (ctx: DomainContext, ruleId: string): RuleAssignment[] => {
	getValidationRule(ctx, ruleId);
	return [...ctx.state.ruleAssignments.values()].filter((assignment) => assignment.rule_id === ruleId);
};

/** `DELETE /v1/validation-rules/{id}/assignments/{assignmentId}`. */
export function unassignValidationRule(ctx: DomainContext, ruleId: string, assignmentId: string): void {
	const assignment = ctx.state.ruleAssignments.get(assignmentId);
	if (!assignment || assignment.rule_id !== ruleId) throw notFound('validation_rules_assignment', assignmentId);
	ctx.state.ruleAssignments.delete(assignmentId);
}
