declare const __SDK_VERSION__: string;

/** This SDK's version, injected at build time. */
export const SDK_VERSION: string = __SDK_VERSION__;
