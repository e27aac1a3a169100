// Bugs in which CRM links open and where (protocol/crm-link.ts, background/crm-tabs.ts and its
// wiring), and in what the background shows and hears (redaction, page senders).
import type { MutantGroup } from './mutant';

const LINK = 'src/protocol/crm-link.ts';

export const crmLinkMutants: MutantGroup = {
  area: 'crm-link and wiring',
  quickTests: ['tests/unit/faults/crm-link-attacks.test.ts', 'tests/unit/background'],
  fullTests: ['tests/unit/faults/crm-link-attacks.test.ts', 'tests/unit/background', 'tests/unit/protocol'],
  mutants: [
    { name: 'any scheme with a host is accepted (javascript://…)', file: LINK, find: "  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;\n", replace: '' },
    { name: 'control characters are not checked', file: LINK, find: '  if (/[\\u0000-\\u001f\\u007f]/.test(raw)) return null;\n', replace: '' },
    { name: 'links with credentials are accepted', file: LINK, find: 'if (!url.hostname || url.username || url.password) return null;', replace: 'if (!url.hostname) return null;' },
    { name: 'the allow-list matches by prefix, not origin', file: LINK, find: 'return origin !== undefined && origin === url.origin;', replace: 'return origin !== undefined && url.href.startsWith(origin);' },
    { name: 'an empty allow-list refuses everything', file: LINK, find: 'if (allowList.length === 0) return url.href;', replace: 'if (allowList.length === 0) return null;' },
    {
      name: 'http(s) links without a host are accepted',
      file: LINK,
      find: 'if (!url.hostname || url.username || url.password) return null;',
      replace: 'if (url.username || url.password) return null;',
      equivalent: 'after the scheme check only http: and https: remain, and the URL parser refuses either without a host, so hostname is never empty here.',
    },
    { name: 'crm-tabs ignores the allow-list', file: 'src/background/crm-tabs.ts', find: 'crmLinkOrNull(raw, allowList)', replace: 'crmLinkOrNull(raw, [])' },
    { name: 'crm-tabs opens a second tab for the same link', file: 'src/background/crm-tabs.ts', find: 'if (known !== undefined) {', replace: 'if (false) {' },
    { name: 'auto-open ignores the allow-list', file: 'src/background/start-background.ts', find: 'openCrmLink(effect.url, settings.crmAllowList, effect.focused)', replace: 'openCrmLink(effect.url, [], effect.focused)' },
    { name: 'the display URL shows the API key', file: 'src/background/start-background.ts', find: 'displayUrl: redactUrl(built.url, next.apiKey)', replace: 'displayUrl: built.url' },
    { name: 'effects run before the state is saved', file: 'src/background/call-pipeline.ts', find: "    await saveShown(this.state).catch(warn);\n", replace: "    await this.hooks.applyEffects(effects.splice(0));\n    await saveShown(this.state).catch(warn);\n" },
    { name: 'messages from any extension are obeyed', file: 'src/background/page-messages.ts', find: '  if (sender.id !== browser.runtime.id) return false;\n', replace: '' },
    { name: 'messages from any page of a listed extension id are obeyed', file: 'src/background/page-messages.ts', find: "return typeof sender.url === 'string' && sender.url.startsWith(base);", replace: 'return true;' },
    { name: 'open-crm from a page skips the allow-list', file: 'src/background/start-background.ts', find: 'openCrm: (url, focused) => openCrmLink(url, settings.crmAllowList, focused),', replace: 'openCrm: (url, focused) => openCrmLink(url, [], focused),' },
  ],
};
