// Firefox's policies.json: installs the signed add-on and configures it under "3rdparty".
// https://mozilla.github.io/policy-templates/#extensionsettings
import { FIREFOX_ID, type PolicyInput } from './policy-input';

export function firefoxPolicies(input: PolicyInput): Record<string, unknown> {
  return {
    policies: {
      ExtensionSettings: { [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: input.firefoxInstallUrl } },
      '3rdparty': { Extensions: { [FIREFOX_ID]: input.config } },
    },
  };
}
