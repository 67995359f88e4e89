import { describe, expect, test } from 'vitest';
import { isDomainError } from '../../src/mock/domain/shared/errors.js';
import { evaluateRuleLogic, parseRuleLogic } from '../../src/mock/domain/rules/logic.js';
import { createEmptyState, fromSnapshot, toSnapshot } from '../../src/mock/domain/shared/state.js';

const KEYS = new Set(['1', '2', '3']);
/** Evaluates `logic` with the rules in `holding` true and the others false. */
const evaluate = (logic: string, holding: readonly string[]) => evaluateRuleLogic(parseRuleLogic(logic, KEYS), (key) => holding.includes(key));

function rejection(logic: string): string {
	try {
		parseRuleLogic(logic, KEYS);
	} catch (error) {
		if (isDomainError(error)) return error.details;
		throw error;
	}
	throw new Error('the logic was accepted');
}

describe('validation rule logic', () => {
	test('and binds tighter than or', () => {
		expect(evaluate('1 or 2 and 3', ['1'])).toBe(true);
		expect(evaluate('(1 or 2) and 3', ['1'])).toBe(false);
		expect(evaluate('(1 or 2) and 3', ['2', '3'])).toBe(true);
	});

	test('not negates, case does not matter', () => {
		expect(evaluate('1 AND NOT 2', ['1'])).toBe(true);
		expect(evaluate('1 and not 2', ['1', '2'])).toBe(false);
	});

	test('a rule the rules do not define, or a malformed expression, is rejected naming it', () => {
		expect(rejection('1 and 4')).toContain('rule 4');
		expect(rejection('(1 or 2')).toContain('unclosed');
		expect(rejection('1 2')).toContain('after a complete expression');
		expect(rejection('1 and')).toContain('ends too early');
		expect(rejection('1 xor 2')).toContain('xor');
	});
});

describe('the state snapshot', () => {
	test('keeps segments, memberships, rules, assignments, async actions and exports', () => {
		const state = createEmptyState();
		state.segments.set('seg_1', { id: 'seg_1', object: 'segment', name: 'Gold', type: 'auto-update', filter: { 'metadata.tier': { conditions: { $is: ['gold'] } } }, customers: null, metadata: {}, created_at: '2025-01-01T00:00:00.000Z' });
		state.segmentMemberships.set('cust_1', ['seg_1']);
		state.validationRules.set('val_1', { id: 'val_1', object: 'validation_rules', name: 'Gold', rules: { '1': { name: 'customer.segment', conditions: { $is: ['seg_1'] } } }, created_at: '2025-01-01T00:00:00.000Z', updated_at: null });
		const restored = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(state))));
		expect(restored.segments.get('seg_1')?.name).toBe('Gold');
		expect(restored.segmentMemberships.get('cust_1')).toEqual(['seg_1']);
		expect(restored.validationRules.get('val_1')?.rules).toEqual(state.validationRules.get('val_1')?.rules);
	});

	test('a snapshot written before these collections existed loads with them empty', () => {
		const { segments: _s, segmentMemberships: _m, validationRules: _v, ruleAssignments: _r, asyncActions: _a, exports: _e, ...older } = toSnapshot(createEmptyState());
		const restored = fromSnapshot(older);
		expect([restored.segments.size, restored.segmentMemberships.size, restored.exports.size]).toEqual([0, 0, 0]);
	});
});
