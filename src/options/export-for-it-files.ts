// "Export for IT": the same pure generator as `npm run policy` (src/settings/policy-files), so the
// page and the CLI give the same files. Part of the fold loaded on demand (export-for-it-details.tsx).
import type { Settings } from '../settings/settings-schema';
import { managedConfigFromSettings, type ExportChoices } from '../settings/policy-files/config-from-settings';
import { policyFiles, type PolicyFile } from '../settings/policy-files/policy-bundle';

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
