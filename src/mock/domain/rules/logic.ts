import { DomainError } from '../shared/errors.js';

/** A parsed `logic` expression such as `(1 and 2) or not 3`. */
export type RuleLogic =
	| { readonly kind: 'rule'; readonly key: string }
	| { readonly kind: 'not'; readonly operand: RuleLogic }
	| { readonly kind: 'and' | 'or'; readonly left: RuleLogic; readonly right: RuleLogic };

const TOKEN = /\s*(\(|\)|and\b|or\b|not\b|[0-9]+)/giy;

const invalid = (logic: string, why: string) => new DomainError('invalid_payload', 'Invalid payload', `rules.logic "${logic}" ${why}`);

function tokenize(logic: string): string[] {
	const tokens: string[] = [];
	TOKEN.lastIndex = 0;
	let position = 0;
	while (position < logic.length) {
		if (logic.slice(position).trim() === '') break;
		TOKEN.lastIndex = position;
		const match = TOKEN.exec(logic);
		if (!match?.[1]) throw invalid(logic, `cannot be read at "${logic.slice(position).trim()}"`);
		tokens.push(match[1].toLowerCase());
		position = TOKEN.lastIndex;
	}
	return tokens;
}

/**
 * Parses `logic` over the rule keys `known` (`and` binds tighter than `or`, `not` tighter still).
 * A key the rules do not define, or a malformed expression, is `invalid_payload`.
 */
export function parseRuleLogic(logic: string, known: ReadonlySet<string>): RuleLogic {
	const tokens = tokenize(logic);
	let index = 0;
	const peek = () => tokens[index];
	const factor = (): RuleLogic => {
		const token = tokens[index++];
		if (token === 'not') return { kind: 'not', operand: factor() };
		if (token === '(') {
			const inner = expression();
			if (tokens[index++] !== ')') throw invalid(logic, 'has an unclosed parenthesis');
			return inner;
		}
		if (token !== undefined && /^[0-9]+$/.test(token)) {
			if (!known.has(token)) throw invalid(logic, `names rule ${token}, which rules does not define`);
			return { kind: 'rule', key: token };
		}
		throw invalid(logic, token === undefined ? 'ends too early' : `has "${token}" where a rule number belongs`);
	};
	const term = (): RuleLogic => {
		let left = factor();
		while (peek() === 'and') {
			index++;
			left = { kind: 'and', left, right: factor() };
		}
		return left;
	};
	const expression = (): RuleLogic => {
		let left = term();
		while (peek() === 'or') {
			index++;
			left = { kind: 'or', left, right: term() };
		}
		return left;
	};
	const parsed = expression();
	if (index !== tokens.length) throw invalid(logic, `has "${tokens[index] ?? ''}" after a complete expression`);
	return parsed;
}

/** Evaluates parsed logic, asking `holds` about each rule it reaches. */
export function evaluateRuleLogic(logic: RuleLogic, holds: (key: string) => boolean): boolean {
	switch (logic.kind) {
		case 'rule':
			return holds(logic.key);
		case 'not':
			return !evaluateRuleLogic(logic.operand, holds);
		case 'and':
			return evaluateRuleLogic(logic.left, holds) && evaluateRuleLogic(logic.right, holds);
		case 'or':
			return evaluateRuleLogic(logic.left, holds) || evaluateRuleLogic(logic.right, holds);
	}
}
