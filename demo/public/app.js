// The demo shop's own script. Everything shown that comes from the API or the shopper is set with textContent.
const PRODUCTS = [
	{ product_id: 'prod_socks', name: 'Merino socks', price: 1200, quantity: 2 },
	{ product_id: 'prod_tshirt', name: 'Organic T-shirt', price: 2500, quantity: 1 },
	{ product_id: 'prod_cap', name: 'Canvas cap', price: 1800, quantity: 0 },
];
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const formatCents = (cents) => (typeof cents === 'number' ? money.format(cents / 100) : '–');
const byId = (id) => document.getElementById(id);
const show = (id, text) => {
	byId(id).textContent = text;
};

const voucherify = window.Voucherify;
const client = voucherify.client;

function cartItems() {
	return PRODUCTS.filter((product) => product.quantity > 0).map(({ product_id, price, quantity }) => ({
		product_id,
		price,
		quantity,
	}));
}

const subtotal = () => cartItems().reduce((sum, item) => sum + item.price * item.quantity, 0);

function renderCart() {
	const body = byId('cart-lines');
	body.replaceChildren(
		...PRODUCTS.map((product) => {
			const row = document.createElement('tr');
			const name = document.createElement('td');
			name.textContent = product.name;
			const price = document.createElement('td');
			price.textContent = formatCents(product.price);
			const quantityCell = document.createElement('td');
			const quantity = document.createElement('input');
			Object.assign(quantity, { type: 'number', min: '0', step: '1', value: String(product.quantity) });
			quantity.setAttribute('aria-label', `Quantity of ${product.name}`);
			quantity.dataset.productId = product.product_id;
			quantity.addEventListener('input', () => {
				product.quantity = Math.max(0, Number.parseInt(quantity.value, 10) || 0);
				renderTotals();
			});
			quantityCell.append(quantity);
			row.append(name, price, quantityCell);
			return row;
		}),
	);
	renderTotals();
}

function renderTotals() {
	show('subtotal', formatCents(subtotal()));
	byId('amount').placeholder = String(subtotal());
}

function renderVisitor() {
	show('tracking-id', client.trackingId ?? 'none yet');
	show('anonymous-id', client.anonymousId ?? '–');
	show('consent', client.consent);
	show('store', { granted: 'cookie (or its fallback)', pending: 'memory only', denied: 'nothing stored' }[client.consent]);
}

function describeDiscount(result) {
	const { discount, gift } = result;
	if (gift) return `Gift card, ${formatCents(gift.balance)} left`;
	if (!discount) return 'Promotion';
	if (discount.type === 'PERCENT') return `${discount.percent_off}% off${discount.amount_limit ? ` (up to ${formatCents(discount.amount_limit)})` : ''}`;
	if (discount.type === 'AMOUNT') return `${formatCents(discount.amount_off)} off`;
	if (discount.type === 'UNIT') return `${discount.unit_off} free item(s)`;
	return discount.type;
}

function renderValidation(result) {
	byId('validation').hidden = false;
	const status = byId('validation-status');
	status.className = `status ${result.valid ? 'valid' : 'invalid'}`;
	status.textContent = result.valid
		? `Code ${result.code} applied`
		: `Code ${result.code ?? ''} not applied: ${result.error?.message ?? result.reason ?? 'invalid code'}`;
	show('discount', result.valid ? describeDiscount(result) : '–');
	show('order-amount', formatCents(result.order?.amount));
	show('discount-amount', formatCents(result.order?.total_discount_amount ?? result.order?.discount_amount));
	show('total-amount', formatCents(result.order?.total_amount));
}

/** The API's refusals carry the shopper-facing text (a validation rule's own message) in `error.message`. */
function renderError(target, error) {
	const element = byId(target);
	element.hidden = false;
	element.textContent = error?.error?.message ?? error?.message ?? String(error);
}

byId('validate-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const typedAmount = byId('amount').value.trim();
	try {
		const result = await client.validate({
			code: byId('code').value,
			amount: typedAmount === '' ? subtotal() : Number(typedAmount),
			items: cartItems(),
		});
		renderValidation(result);
	} catch (error) {
		renderValidation({ valid: false, code: byId('code').value, reason: error.message });
	}
	renderVisitor();
});

byId('identity-form').addEventListener('submit', (event) => {
	event.preventDefault();
	try {
		show('identity-hash', client.setIdentity(byId('identity').value));
	} catch (error) {
		show('identity-hash', error.message);
	}
	renderVisitor();
});

for (const consent of ['granted', 'pending', 'denied']) {
	byId(`consent-${consent}`).addEventListener('click', () => {
		client.setConsent(consent);
		renderVisitor();
	});
}

byId('reset').addEventListener('click', () => {
	client.reset();
	show('identity-hash', '–');
	renderVisitor();
});

byId('checkout-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = event.currentTarget;
	const typedAmount = byId('amount').value.trim();
	byId('checkout-code').value = byId('code').value.trim();
	byId('checkout-amount').value = typedAmount === '' ? String(subtotal()) : typedAmount;
	byId('checkout-items').value = JSON.stringify(cartItems());
	// All three hand-offs at once: the cookie travels by itself, plus the hidden field and the header.
	client.fillTrackingField(form);
	byId('checkout-error').hidden = true;
	const response = await fetch(form.action, {
		method: 'POST',
		body: new URLSearchParams(new FormData(form)),
		headers: client.trackingHeaders(),
	});
	const answer = await response.json();
	if (!response.ok) return renderError('checkout-error', answer);
	renderCustomer(answer);
});

function renderCustomer({ customer, activity, segments = [] }) {
	byId('customer').hidden = false;
	show('customer-name', customer.name ?? customer.email ?? '');
	show('customer-id', customer.id);
	show('customer-source-id', customer.source_id ?? '–');
	show('customer-redemptions', String(customer.summary?.redemptions?.total_succeeded ?? 0));
	show('customer-orders', formatCents(customer.summary?.orders?.total_amount ?? 0));
	show('customer-segments', segments.map((segment) => segment.name).join(', ') || 'none');
	byId('activity').replaceChildren(
		...activity.map((entry) => {
			const item = document.createElement('li');
			const code = entry.data?.redeemables?.[0]?.id ?? entry.data?.id ?? entry.data?.event ?? '';
			item.textContent = `${entry.type.replace('customer.', '')}${code ? ` · ${code}` : ''} · ${new Date(entry.created_at).toLocaleTimeString()}`;
			return item;
		}),
	);
}

renderCart();
renderVisitor();
