// Chrome and Edge policy as Linux reads it: one JSON file in the browser's managed policy folder.
// The same object is what the Windows .reg and the macOS profile spell in their own formats.
import type { PolicyInput } from './policy-input';

/** A Chromium-family browser: where each platform keeps its policy. */
export interface ChromiumBrowser {
  name: 'chrome' | 'edge';
  /** Registry path under HKLM/HKCU. */
  registryPath: string;
  /** macOS preference domain. */
  macDomain: string;
  /** Linux managed policy folder. */
  linuxFolder: string;
}

export const CHROMIUM_BROWSERS: readonly ChromiumBrowser[] = [
  { name: 'chrome', registryPath: 'SOFTWARE\\Policies\\Google\\Chrome', macDomain: 'com.google.Chrome', linuxFolder: '/etc/opt/chrome/policies/managed' },
  { name: 'edge', registryPath: 'SOFTWARE\\Policies\\Microsoft\\Edge', macDomain: 'com.microsoft.Edge', linuxFolder: '/etc/opt/edge/policies/managed' },
];

/** `ExtensionInstallForcelist` entry: "<id>;<update URL>". */
export function forcelistEntry(input: Pick<PolicyInput, 'chromeId' | 'chromeUpdateUrl'>): string {
  return `${input.chromeId};${input.chromeUpdateUrl}`;
}

export interface ChromiumPolicy {
  ExtensionInstallForcelist: string[];
  '3rdparty': { extensions: Record<string, Record<string, unknown>> };
}

export function chromiumPolicy(input: PolicyInput): ChromiumPolicy {
  return { ExtensionInstallForcelist: [forcelistEntry(input)], '3rdparty': { extensions: { [input.chromeId]: input.config } } };
}
