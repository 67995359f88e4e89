import { describe, expect, test } from 'vitest';
import { TRACKING_FIELD_NAME, TRACKING_HEADER_NAME, VoucherifyInvalidInputError } from '../../src/index.js';
import { ANSWERED_TRACKING_ID, CODE, makeClient, thrownBy, useApi } from './support/api.js';

const FIELD_NAME = 'voucherify_tracking_id';
const CUSTOM_FIELD_NAME = 'vf_visitor';
const HEADER_NAME = 'X-Voucherify-Tracking-Id';

useApi();

const checkoutForm = (): HTMLFormElement => {
	const form = document.createElement('form');
	form.innerHTML = '<input name="email" value="a@b.c"><button type="submit">Pay</button>';
	document.body.append(form);
	return form;
};

const trackingInputs = (form: HTMLFormElement, name = FIELD_NAME) =>
	[...form.querySelectorAll('input')].filter((input) => input.name === name);

describe('trackingId', () => {
	test('is undefined before the first call', () => {
		expect(makeClient().trackingId).toBeUndefined();
	});

	test('is the id the API answered after the first call', async () => {
		const client = makeClient();
		await client.validate(CODE);

		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
	});
});

describe('fillTrackingField', () => {
	test('exports the default field name and header name', () => {
		expect(TRACKING_FIELD_NAME).toBe(FIELD_NAME);
		expect(TRACKING_HEADER_NAME).toBe(HEADER_NAME);
	});

	test('creates one hidden input named voucherify_tracking_id holding the tracking id', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const form = checkoutForm();

		const field = client.fillTrackingField(form);

		expect(trackingInputs(form)).toEqual([field]);
		expect(field?.type).toBe('hidden');
		expect(field?.value).toBe(ANSWERED_TRACKING_ID);
	});

	test('posts the tracking id with the form data, + / = intact', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const form = checkoutForm();
		client.fillTrackingField(form);

		expect(new FormData(form).get(FIELD_NAME)).toBe(ANSWERED_TRACKING_ID);
	});

	test('updates the existing field instead of adding a second one', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const form = checkoutForm();
		client.fillTrackingField(form);
		const hash = client.setIdentity('customer-42');

		client.fillTrackingField(form);

		expect(trackingInputs(form)).toHaveLength(1);
		expect(trackingInputs(form)[0]?.value).toBe(hash);
	});

	test('turns an existing visible input of that name into the hidden field', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const form = checkoutForm();
		form.insertAdjacentHTML('beforeend', `<input type="text" name="${FIELD_NAME}" value="stale">`);

		client.fillTrackingField(form);

		expect(trackingInputs(form)).toHaveLength(1);
		expect(trackingInputs(form)[0]).toMatchObject({ type: 'hidden', value: ANSWERED_TRACKING_ID });
	});

	test('uses a custom field name', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const form = checkoutForm();

		client.fillTrackingField(form, CUSTOM_FIELD_NAME);

		expect(trackingInputs(form, CUSTOM_FIELD_NAME)[0]?.value).toBe(ANSWERED_TRACKING_ID);
		expect(trackingInputs(form)).toHaveLength(0);
	});

	test('removes the field and returns undefined when there is no tracking id', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const form = checkoutForm();
		client.fillTrackingField(form);
		client.reset();

		expect(client.fillTrackingField(form)).toBeUndefined();
		expect(trackingInputs(form)).toHaveLength(0);
	});

	test('adds no field when there is no tracking id', () => {
		const form = checkoutForm();

		makeClient().fillTrackingField(form);

		expect(trackingInputs(form)).toHaveLength(0);
	});

	test.each<[string, unknown]>([
		['a div', document.createElement('div')],
		['an input', document.createElement('input')],
		['null', null],
		['a selector string', '#checkout'],
	])('throws the invalid-input error for %s instead of a form', (_case, notAForm) => {
		const error = thrownBy(() => makeClient().fillTrackingField(notAForm as HTMLFormElement));

		expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
		expect(error).toMatchObject({ field: 'form' });
	});
});

describe('trackingHeaders', () => {
	test('returns the X-Voucherify-Tracking-Id header with the tracking id', async () => {
		const client = makeClient();
		await client.validate(CODE);

		expect(client.trackingHeaders()).toEqual({ [HEADER_NAME]: ANSWERED_TRACKING_ID });
	});

	test('returns the identity hash once setIdentity was called', () => {
		const client = makeClient();
		const hash = client.setIdentity('customer-42');

		expect(client.trackingHeaders()).toEqual({ [HEADER_NAME]: hash });
	});

	test('returns an empty object when there is no tracking id', () => {
		expect(makeClient().trackingHeaders()).toEqual({});
	});
});
