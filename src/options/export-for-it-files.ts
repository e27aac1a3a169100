// "Export for IT", loaded only when the admin asks for the files (a dynamic import: the policy
// generator and the managed schema stay out of the options page's first paint). The same pure
// generator as `npm run policy` (src/shared/policy-files), so both give the same files.
import type { Settings } from '../shared/settings-schema';
import { managedConfigFromSettings, type ExportChoices } from '../shared/policy-files/config-from-settings';
import { policyFiles, type PolicyFile } from '../shared/policy-files/policy-bundle';

export interface ExportRequest extends ExportChoices {
  settings: Settings;
  chromeId: string;
  chromeUpdateUrl: string;
  firefoxInstallUrl: string;
}

/** The policy files for these settings; throws PolicyInputError when the input cannot make them. */
export function exportPolicyFiles(request: ExportRequest): PolicyFile[] {
  const config = managedConfigFromSettings(request.settings, request);
  return policyFiles(
    { chromeId: request.chromeId.trim(), chromeUpdateUrl: request.chromeUpdateUrl.trim(), firefoxInstallUrl: request.firefoxInstallUrl.trim(), config },
    () => crypto.randomUUID(),
  );
}
