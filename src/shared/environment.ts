/**
Whether the code runs in a page: false outside a browser (SSR, Node, a worker without a DOM): each client is then its own visitor, held in memory. The
script-tag builds, which only ever run in a page, read `src/script-tag/in-browser.ts` instead (rollup.config.mjs),
so those paths are not shipped there.
*/
export const inBrowser = (): boolean => typeof document !== 'undefined';
