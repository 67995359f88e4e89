// Runs in the benchmark page: both SDKs and plain fetch, timed with performance.now() in the page itself.
(() => {
	const clients = {};

	const time = async (call) => {
		const start = performance.now();
		await call();
		return performance.now() - start;
	};

	window.bench = {
		createClients({ apiUrl, clientApplicationId, clientToken }) {
			clients.ours = window.Voucherify.createClient({ apiUrl, clientApplicationId, clientToken });
			clients.official = window.VoucherifyClientSide({ clientApplicationId, clientSecretKey: clientToken, apiUrl, origin: location.origin });
		},

		call(sdk, method, argument) {
			return clients[sdk][method](argument);
		},

		/**
		`calls` rounds after `warmup`: one SDK call, one plain `fetch` and one plain `XMLHttpRequest` of the same request
		each round (the official SDK's axios sends with XHR in a browser), the order rotated each round so none always
		runs right after another.
		*/
		async alternate({ sdk, code, fetchUrl, fetchInit, warmup, calls }) {
			const variants = {
				sdk: async () => {
					const result = await clients[sdk].validate(code);
					if (result?.valid !== true) throw new Error(`${sdk} validate(${code}) did not answer valid: ${JSON.stringify(result)}`);
				},
				fetch: async () => {
					const response = await fetch(fetchUrl, fetchInit);
					if (!response.ok) throw new Error(`fetch ${fetchUrl} answered ${response.status}`);
					await response.json();
				},
				xhr: () =>
					new Promise((resolve, reject) => {
						const request = new XMLHttpRequest();
						request.open(fetchInit.method, fetchUrl);
						for (const [name, value] of Object.entries(fetchInit.headers)) request.setRequestHeader(name, value);
						request.onload = () => (request.status === 200 ? resolve(JSON.parse(request.responseText)) : reject(new Error(`XHR ${fetchUrl} answered ${request.status}`)));
						request.onerror = () => reject(new Error(`XHR ${fetchUrl} failed`));
						request.send(fetchInit.body ?? null);
					}),
			};
			const names = Object.keys(variants);
			for (let index = 0; index < warmup; index += 1) for (const name of names) await variants[name]();
			const times = Object.fromEntries(names.map((name) => [name, []]));
			for (let index = 0; index < calls; index += 1) {
				for (let step = 0; step < names.length; step += 1) {
					const name = names[(index + step) % names.length];
					times[name].push(await time(variants[name]));
				}
			}
			return times;
		},

		/**
		The SDK's own work per call, with its transport answered at once in the page: the `XMLHttpRequest` that both
		send a validation with (ours, and axios in the official SDK) replaced. Each loop is timed beside the same stub
		used bare (the answer parsed, nothing else), and the difference is the SDK's. Microseconds per call, means of
		`calls`.
		*/
		async sdkWork({ sdk, code, answer, warmup, calls }) {
			window.XMLHttpRequest = class StubXMLHttpRequest {
				constructor() {
					Object.assign(this, { readyState: 0, status: 0, statusText: '', responseText: '', response: '', responseURL: '', responseType: '', onloadend: null, onload: null });
					this.upload = { addEventListener() {} };
				}
				open(method, url) {
					this.readyState = 1;
					this.responseURL = url;
				}
				setRequestHeader() {}
				addEventListener() {}
				getAllResponseHeaders() {
					return 'content-type: application/json\r\n';
				}
				getResponseHeader(name) {
					return name.toLowerCase() === 'content-type' ? 'application/json' : null;
				}
				abort() {}
				send() {
					// A resolved promise: the answer arrives in a microtask, not a task.
					Promise.resolve().then(() => {
						Object.assign(this, { readyState: 4, status: 200, statusText: 'OK', responseText: answer, response: answer });
						this.onreadystatechange?.();
						this.onload?.();
						this.onloadend?.();
					});
				}
			};
			const bare = () =>
				new Promise((resolve) => {
					const request = new XMLHttpRequest();
					request.open('POST', '/stubbed');
					request.onloadend = () => resolve(JSON.parse(request.responseText));
					request.send();
				});
			const call = async () => {
				const result = await clients[sdk].validate(code);
				if (result?.valid !== true) throw new Error(`${sdk} validate(${code}) did not answer valid over the stub: ${JSON.stringify(result)}`);
			};
			const loop = async (step) => {
				const start = performance.now();
				for (let index = 0; index < calls; index += 1) await step();
				return ((performance.now() - start) / calls) * 1000;
			};
			for (let index = 0; index < warmup; index += 1) {
				await call();
				await bare();
			}
			// Alternated loops, so both see the same state of the machine; the medians of five of each.
			const sdkRuns = [];
			const bareRuns = [];
			for (let run = 0; run < 5; run += 1) {
				sdkRuns.push(await loop(call));
				bareRuns.push(await loop(bare));
			}
			return { sdk: sdkRuns, bare: bareRuns };
		},

		/**
		A shopper's repeated checks: `calls` validations, each with another code and cart amount (a new URL for a GET),
		through each SDK in turn; returns each call's time.
		*/
		async repeatedChecks({ codes, calls }) {
			const times = { ours: [], official: [] };
			for (let index = 0; index < calls; index += 1) {
				const params = { code: codes[index % codes.length], amount: 1000 + index };
				const order = index % 2 === 0 ? ['ours', 'official'] : ['official', 'ours'];
				// An invalid code's 4xx rejects in the official SDK: it is timed all the same, as a shopper waits for it.
				for (const sdk of order) times[sdk].push(await time(() => clients[sdk].validate(params).catch(() => undefined)));
			}
			return times;
		},
	};
})();
