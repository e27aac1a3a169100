// The core's strings arrive through this function so the core stays free of browser APIs:
// the background passes `browser.i18n.getMessage`, the replay tool a catalog from public/_locales.
export type Translate = (key: string, substitutions?: string[]) => string;
