import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';

/** Chromium for the suite, with test host names resolved to loopback: shop.test, its subdomains, and api.test. */
export function launchTestChromium(): Promise<Browser> {
	return launchChromium({ args: ['--host-resolver-rules=MAP shop.test 127.0.0.1, MAP *.shop.test 127.0.0.1, MAP api.test 127.0.0.1'] });
}
