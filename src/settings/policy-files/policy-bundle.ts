// Every policy file for one roll-out, by file name: what `npm run policy` writes and the options
// page's "Export for IT" offers. Refuses (throws PolicyInputError) rather than write a file that
// Chrome or Firefox would silently ignore in part.
import { chromiumPolicy, CHROMIUM_BROWSERS } from './chromium-policies';
import { firefoxPolicies } from './firefox-policies';
import { mobileconfig } from './mobileconfig';
import { inputErrors, type PolicyInput } from './policy-input';
import { schemaErrors } from './schema-check';
import { utf16leWithBom, windowsReg } from './windows-reg';

export class PolicyInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`cannot write policy files:\n- ${problems.join('\n- ')}`);
  }
}

/** Where a file goes: the options page says it in the agent's language, the CLI in `target`. */
export type PolicyFileKind = 'linux' | 'windows-machine' | 'windows-user' | 'macos' | 'firefox';

export interface PolicyFile {
  name: string;
  kind: PolicyFileKind;
  /** Where it goes, for the admin (printed by the CLI next to the file). */
  target: string;
  bytes: Uint8Array;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const json = (value: unknown): Uint8Array => utf8(`${JSON.stringify(value, null, 2)}\n`);

export function policyFiles(input: PolicyInput, uuid: () => string): PolicyFile[] {
  const problems = [...inputErrors(input), ...schemaErrors(input.config)];
  if (problems.length > 0) throw new PolicyInputError(problems);
  const files: PolicyFile[] = [];
  for (const browser of CHROMIUM_BROWSERS) {
    files.push({ name: `${browser.name}-linux-callpop.json`, kind: 'linux', target: `${browser.linuxFolder}/callpop.json`, bytes: json(chromiumPolicy(input)) });
    files.push({ name: `${browser.name}-windows-machine.reg`, kind: 'windows-machine', target: 'Windows, every user of the machine (HKLM): regedit /s, or import into a GPO', bytes: utf16leWithBom(windowsReg(input, browser, 'HKEY_LOCAL_MACHINE')) });
    files.push({ name: `${browser.name}-windows-user.reg`, kind: 'windows-user', target: 'Windows, the signed-in user (HKCU)', bytes: utf16leWithBom(windowsReg(input, browser, 'HKEY_CURRENT_USER')) });
    files.push({ name: `${browser.name}-macos.mobileconfig`, kind: 'macos', target: 'macOS: upload to your MDM (Chrome/Edge honour off-store installs only on managed Macs)', bytes: utf8(mobileconfig(input, browser, uuid)) });
  }
  files.push({ name: 'firefox-policies.json', kind: 'firefox', target: '/etc/firefox/policies/policies.json, or distribution/policies.json beside the Firefox binary', bytes: json(firefoxPolicies(input)) });
  return files;
}
