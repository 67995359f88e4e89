import { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
import { adoptWidgetStyles } from './styles.js';

/** The validation answer as far as the widget reads it. */
type Answer = {
	valid?: boolean;
	reason?: string;
	tracking_id?: string;
	discount?: { type?: string; percent_off?: number; amount_off?: number; unit_off?: number } | null;
	gift?: { balance?: number } | null;
};

/** Anything with voucherify.js's `validate(params)` that returns a Promise: `window.Voucherify` or a `createClient` client. */
export type WidgetClient = { validate(params: { code: string; amount?: number }): PromiseLike<unknown> };

/**
The options voucherify.js's `render(selector, options)` documented, and those its source read
(`class<Name>` for any part, `selector<Name>` for the hidden result fields), plus labels for assistive technology.
*/
export type WidgetOptions = {
	/** Class of the button and the field in error. @default 'voucherifyInvalid' */
	classInvalid?: string;
	/** Class of the field in error for one second (an animation). @default 'voucherifyAnimationShake' */
	classInvalidAnimation?: string;
	/** Class of the fields and the button once the code is valid. @default 'voucherifyValid' */
	classValid?: string;
	/** Class of the fields once the code is valid (an animation). @default 'voucherifyAnimationTada' */
	classValidAnimation?: string;
	/** Image shown above the field; none unless given. */
	logoSrc?: string;
	/** Called with the validation answer once the code is valid. */
	onValidated?: (answer: unknown) => void;
	/** Shows an amount field (major units, `52.22` or `52,22`); its value is sent as `amount` in minor units. */
	amount?: boolean;
	/** @default 'e.g. abc-123' */
	textPlaceholder?: string;
	/** @default 'e.g. 52.22' */
	amountPlaceholder?: string;
	/** Text of the button. @default 'Validate' */
	textValidate?: string;
	/** Accessible name of the code field (ours). @default 'Discount code' */
	textLabel?: string;
	/** Accessible name of the amount field (ours). @default 'Order amount' */
	amountLabel?: string;
	[classOrSelector: `class${string}` | `selector${string}`]: unknown;
};

const AMOUNT_ERRORS = ['invalid_amount', 'invalid_number', 'missing_amount'];
const ANIMATION_MS = 1000;
const RESULT_FIELDS = ['discountType', 'percentOff', 'amountOff', 'unitOff', 'tracking'] as const;

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const money = (minorUnits = 0) => (minorUnits / 100).toFixed(2);

/** What the answer gives, in words, for the live region. */
function describe({ discount, gift }: Answer): string {
	if (gift) return `gift card balance ${money(gift.balance)}`;
	if (discount?.type === 'PERCENT') return `${discount.percent_off}% off`;
	if (discount?.type === 'AMOUNT') return `${money(discount.amount_off)} off`;
	if (discount?.type === 'UNIT') return `${discount.unit_off} free item${discount.unit_off === 1 ? '' : 's'}`;
	return 'discount applied';
}

function resolveTarget(selector: unknown): Element {
	const target = typeof selector === 'string' ? document.querySelector(selector) : (selector as { jquery?: unknown; 0?: unknown })?.jquery ? (selector as { 0?: unknown })[0] : selector;
	if (!(target instanceof Element)) throw new VoucherifyInvalidInputError('selector', `Element '${String(selector)}' cannot be found`);
	return target;
}

/**
Renders voucherify.js's discount widget into `selector` (a CSS selector, an element or a jQuery object): a code
field, an optional amount field, a button, hidden fields a form submits with the result (`voucherifyDiscountType`,
`voucherifyPercentOff`, `voucherifyAmountOff`, `voucherifyUnitOff`, `voucherifyTracking`), and a live region that
announces the result. Text goes in through `textContent` only; styles come from classes and one adopted stylesheet,
never a `style` attribute, so a strict CSP (`style-src 'self'`) holds. Returns the widget's container.
*/
export function renderWidget(voucherify: WidgetClient, selector: unknown, options: WidgetOptions = {}): HTMLElement {
	const target = resolveTarget(selector);
	adoptWidgetStyles(target.ownerDocument);

	const create = <K extends keyof HTMLElementTagNameMap>(tag: K, name: string, parent: Element, attributes: Record<string, string> = {}) => {
		const element = document.createElement(tag);
		for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
		const capitalized = name[0]!.toUpperCase() + name.slice(1);
		if (tag === 'input') element.setAttribute('name', `voucherify${capitalized}`);
		element.className = text(options[`class${capitalized}`], `voucherify${capitalized}`);
		parent.append(element);
		return element;
	};
	const container = create('div', 'container', target);
	if (typeof options.logoSrc === 'string') create('img', 'logo', create('figure', 'logo', container), { src: options.logoSrc, alt: '' });
	const code = create('input', 'code', container, {
		type: 'text',
		autocomplete: 'off',
		'aria-label': text(options.textLabel, 'Discount code'),
		placeholder: text(options.textPlaceholder, 'e.g. abc-123'),
	});
	const amount = create('input', 'amount', container, {
		type: options.amount ? 'text' : 'hidden',
		inputmode: 'decimal',
		'aria-label': text(options.amountLabel, 'Order amount'),
		placeholder: text(options.amountPlaceholder, 'e.g. 52.22'),
	});
	const results = RESULT_FIELDS.map((name) => {
		const configured = options[`selector${name[0]!.toUpperCase()}${name.slice(1)}`];
		const found = typeof configured === 'string' ? document.querySelector(configured) : null;
		return found instanceof HTMLInputElement ? found : create('input', name, container, { type: 'hidden' });
	});
	const button = create('button', 'validate', container, { type: 'button' });
	create('span', 'validateText', button).textContent = text(options.textValidate, 'Validate');
	const status = create('p', 'status', container, { role: 'status', 'aria-live': 'polite' });

	const classInvalid = text(options.classInvalid, 'voucherifyInvalid');
	const classValid = text(options.classValid, 'voucherifyValid');
	const classInvalidAnimation = text(options.classInvalidAnimation, 'voucherifyAnimationShake');
	const classValidAnimation = text(options.classValidAnimation, 'voucherifyAnimationTada');

	const markInvalid = (field: HTMLInputElement, message: string) => {
		field.classList.add(classInvalid, classInvalidAnimation);
		field.setAttribute('aria-invalid', 'true');
		setTimeout(() => field.classList.remove(classInvalidAnimation), ANIMATION_MS);
		button.classList.add(classInvalid);
		status.textContent = message;
		field.focus();
	};
	for (const field of [code, amount]) {
		field.addEventListener('input', () => {
			field.classList.remove(classInvalidAnimation);
			field.removeAttribute('aria-invalid');
		});
		// Enter validates, and does not submit a form the widget sits in.
		field.addEventListener('keydown', (event) => {
			if (event.key === 'Enter') {
				event.preventDefault();
				button.click();
			}
		});
	}

	button.addEventListener('click', () => {
		for (const field of results) field.value = '';
		button.classList.remove(classInvalid, classValid);
		const codeValue = code.value.trim();
		if (!codeValue) return markInvalid(code, 'Enter a code');
		const major = parseFloat(amount.value.replace(',', '.'));
		button.disabled = true;
		status.textContent = '';
		voucherify.validate({ code: codeValue, ...(major >= 0 && { amount: Math.round(major * 100) }) }).then(
			(value) => {
				const answer = value as Answer;
				if (!answer?.valid) {
					button.disabled = false;
					return markInvalid(code, `Invalid code${answer?.reason ? `: ${answer.reason}` : ''}`);
				}
				const { discount } = answer;
				[discount?.type ?? '', discount?.percent_off ?? 0, discount?.amount_off ?? 0, discount?.unit_off ?? 0, answer.tracking_id ?? ''].forEach(
					(value, index) => (results[index]!.value = String(value)),
				);
				for (const field of [code, amount]) {
					field.disabled = true;
					field.classList.remove(classInvalid);
					field.classList.add(classValid, classValidAnimation);
				}
				button.classList.add(classValid);
				status.textContent = `Code ${codeValue} applied: ${describe(answer)}`;
				if (typeof options.onValidated === 'function') options.onValidated(answer);
			},
			(error: { key?: string; message?: string }) => {
				button.disabled = false;
				const field = options.amount && AMOUNT_ERRORS.includes(error?.key ?? '') ? amount : code;
				markInvalid(field, `Could not check the code: ${error?.message ?? String(error)}`);
			},
		);
	});
	return container;
}
