// Bugs in which CRM links open and where (shared/crm-link.ts, background/crm-tabs.ts and its
// wiring), and in what the background shows and hears (redaction, page senders).
import type { MutantGroup } from './mutant';

const LINK = 'src/shared/crm-link.ts';
const LINK_TESTS = ['tests/unit/faults/crm-link-attacks.test.ts', 'tests/unit/protocol/input-safety.test.ts', 'tests/unit/background'];
const WIRING_TESTS = ['tests/unit/background'];

export const crmLinkMutants: MutantGroup = {
  area: 'crm-link and wiring',
  mutants: [
    { name: 'any scheme with a host is accepted (javascript://…)', file: LINK, find: "  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;\n", replace: '', tests: LINK_TESTS },
    { name: 'control characters are not checked', file: LINK, find: '  if (/[\\u0000-\\u001f\\u007f]/.test(raw)) return null;\n', replace: '', tests: LINK_TESTS },
    { name: 'links with credentials are accepted', file: LINK, find: 'if (!url.hostname || url.username || url.password) return null;', replace: 'if (!url.hostname) return null;', tests: LINK_TESTS },
    { name: 'the allow-list matches by prefix, not origin', file: LINK, find: 'return origin !== undefined && origin === url.origin;', replace: 'return origin !== undefined && url.href.startsWith(origin);', tests: LINK_TESTS },
    { name: 'an empty allow-list refuses everything', file: LINK, find: 'if (allowList.length === 0) return url.href;', replace: 'if (allowList.length === 0) return null;', tests: LINK_TESTS },
    {
      name: 'http(s) links without a host are accepted',
      file: LINK,
      find: 'if (!url.hostname || url.username || url.password) return null;',
      replace: 'if (url.username || url.password) return null;',
      tests: LINK_TESTS,
      equivalent: 'after the scheme check only http: and https: remain, and the URL parser refuses either without a host, so hostname is never empty here.',
    },
    { name: 'crm-tabs ignores the allow-list', file: 'src/background/crm-tabs.ts', find: 'crmLinkOrNull(raw, allowList)', replace: 'crmLinkOrNull(raw, [])', tests: WIRING_TESTS },
    { name: 'crm-tabs opens a second tab for the same link', file: 'src/background/crm-tabs.ts', find: 'if (known !== undefined) {', replace: 'if (false) {', tests: WIRING_TESTS },
    { name: 'auto-open ignores the allow-list', file: 'src/background/start-background.ts', find: 'openCrmLink(effect.url, settings.crmAllowList, effect.focused)', replace: 'openCrmLink(effect.url, [], effect.focused)', tests: WIRING_TESTS },
    { name: 'the display URL shows the API key', file: 'src/background/start-background.ts', find: 'displayUrl: redactUrl(built.url, next.apiKey)', replace: 'displayUrl: built.url', tests: WIRING_TESTS },
    { name: 'effects run before the state is saved', file: 'src/background/call-pipeline.ts', find: "      try {\n        await saveCallsState(this.state, historyChanged);", replace: "      await this.hooks.applyEffects(coalesceNotificationOps(effects.splice(0)));\n      try {\n        await saveCallsState(this.state, historyChanged);", tests: WIRING_TESTS },
    { name: 'messages from any extension are obeyed', file: 'src/background/page-messages.ts', find: '  if (sender.id !== browser.runtime.id) return false;\n', replace: '', tests: WIRING_TESTS },
    { name: 'messages from any page of a listed extension id are obeyed', file: 'src/background/page-messages.ts', find: "return typeof sender.url === 'string' && sender.url.startsWith(base);", replace: 'return true;', tests: WIRING_TESTS },
    { name: 'open-crm from a page skips the allow-list', file: 'src/background/start-background.ts', find: 'openCrm: (url, focused) => openCrmLink(url, settings.crmAllowList, focused),', replace: 'openCrm: (url, focused) => openCrmLink(url, [], focused),', tests: WIRING_TESTS },
  ],
};
