/** `src/shared/environment.ts` for the script-tag builds, which run only in a page. */
export const inBrowser = (): boolean => true;
