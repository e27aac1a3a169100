// Issue 8 case 14: a CRM link is opened or shown only when it is an absolute http(s) URL without
// credentials (and on the allow-list when there is one); every classic trick is refused.
import { describe, expect, it } from 'vitest';
import { crmLinkOrNull, safeHttpUrlOrNull } from '../../../src/protocol/crm-link';

const DANGEROUS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  // A host part makes it look like a web URL, and %0a ends the "//" comment once decoded: only
  // the scheme check stops these (the control-character check sees no raw newline).
  'javascript://evil.example/%0aalert(1)',
  'JavaScript://crm.example.com/%0Aalert(document.domain)',
  'javascript://crm.example.com:443/%0d%0aalert(1)',
  'ws://crm.example.com/socket',
  'wss://crm.example.com/socket',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'javascript\u0000:alert(1)',
  '\u0001https://crm.example.com/x',
  'https://crm.example.com/\u007f',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'file:///etc/passwd',
  'chrome://settings',
  'chrome-extension://abc/page.html',
  'about:blank',
  'blob:https://crm.example.com/uuid',
  'vbscript:msgbox(1)',
  'ftp://crm.example.com/x',
  '/contacts/41',
  '//evil.example/contacts',
  'contacts/41',
  'https://user@evil.example/',
  'https://crm.example.com@evil.example/',
  'https://user:pass@crm.example.com/',
  '',
  '   ',
];

describe('dangerous CRM links', () => {
  it.each(DANGEROUS.map((link) => [JSON.stringify(link), link]))('refuses %s', (_label, link) => {
    expect(safeHttpUrlOrNull(link)).toBeNull();
    expect(crmLinkOrNull(link, [])).toBeNull();
    expect(crmLinkOrNull(link, ['https://crm.example.com'])).toBeNull();
  });

  it('refuses a safe-looking link whose origin is not on the allow-list, including look-alike hosts', () => {
    const allow = ['https://crm.example.com'];
    expect(crmLinkOrNull('https://crm.example.com.evil.example/x', allow)).toBeNull();
    expect(crmLinkOrNull('http://crm.example.com/x', allow)).toBeNull();
    expect(crmLinkOrNull('https://crm.example.com:8443/x', allow)).toBeNull();
    expect(crmLinkOrNull('https://crm.example.com/contacts/41', allow)).toBe('https://crm.example.com/contacts/41');
  });

  it('keeps an ordinary https link, normalized', () => {
    expect(crmLinkOrNull('https://CRM.example.com/features/crm/contacts/edit.jsp#/?id=1', [])).toBe('https://crm.example.com/features/crm/contacts/edit.jsp#/?id=1');
  });

  it('ignores non-string input', () => {
    expect(safeHttpUrlOrNull(null)).toBeNull();
    expect(safeHttpUrlOrNull(undefined)).toBeNull();
    expect(safeHttpUrlOrNull(42 as unknown as string)).toBeNull();
  });
});
