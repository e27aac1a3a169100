// What the admin gives the policy generator (the CLI's flags, or the options page's export).
export const CHROME_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const FIREFOX_ID = 'callpop@callpop.example';

export interface PolicyInput {
  /** The extension id in Chrome/Edge: the store's, or the one `npm run package -- --self-hosted` printed. */
  chromeId: string;
  /** Where Chrome/Edge fetch it: the Chrome Web Store, or the company's update.xml. */
  chromeUpdateUrl: string;
  /** The signed XPI Firefox installs. */
  firefoxInstallUrl: string;
  /** The managed settings (public/managed-schema.json): domain, apiKey, subscriber or subscriberFrom, … */
  config: Record<string, unknown>;
}

const CHROME_ID = /^[a-p]{32}$/;

/** True when `id` is not a Chrome extension id (32 letters a–p). */
export const chromeIdProblem = (id: string): boolean => !CHROME_ID.test(id);

/** True when `url` is not an http(s) address a browser could fetch. */
export const urlProblem = (url: string): boolean => !/^https?:\/\/[^\s]+$/.test(url);

/** Problems with the input that would make every file useless; empty when fine. */
export function inputErrors(input: PolicyInput): string[] {
  const errors: string[] = [];
  if (chromeIdProblem(input.chromeId)) errors.push(`the Chrome extension id "${input.chromeId}" is not 32 letters a–p`);
  for (const [name, url] of [
    ['Chrome update URL', input.chromeUpdateUrl],
    ['Firefox install URL', input.firefoxInstallUrl],
  ] as const) {
    if (urlProblem(url)) errors.push(`the ${name} "${url}" is not an http(s) address`);
  }
  return errors;
}
