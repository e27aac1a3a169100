import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formFromSettings, parseAllowList, parseHistoryLimit, parseOptionsForm } from '../../../src/settings/settings-input';
import { validateApiKey } from '../../../src/settings/connection-url';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../src/settings/settings-schema';

const form = formFromSettings(DEFAULT_SETTINGS);

describe('parseAllowList', () => {
  it('reduces each line to its origin, drops blanks and duplicates', () => {
    expect(parseAllowList(' https://crm.example.com/contacts \n\nhttps://crm.example.com\r\nhttp://intranet:8080/x')).toEqual({
      ok: true,
      origins: ['https://crm.example.com', 'http://intranet:8080'],
    });
  });
  it('names the first line that is not a web address', () => {
    expect(parseAllowList('https://ok.example\njavascript:alert(1)\nftp://x')).toEqual({ ok: false, error: 'settingsErrorAllowListEntry', line: 'javascript:alert(1)' });
  });
  it('an empty list means any https', () => {
    expect(parseAllowList('  \n ')).toEqual({ ok: true, origins: [] });
  });
  it('only ever yields http(s) origins, whatever is typed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.webUrl({ size: 'xsmall' }), fc.string({ maxLength: 30 })), { maxLength: 4 }), (lines) => {
        const result = parseAllowList(lines.join('\n'));
        if (result.ok) for (const origin of result.origins) expect(origin).toMatch(/^https?:\/\/[^/]+$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseHistoryLimit', () => {
  it.each([
    ['10', 10],
    [' 5000 ', 5000],
    ['500', 500],
  ])('accepts %j', (text, value) => expect(parseHistoryLimit(text)).toEqual({ ok: true, historyLimit: value }));
  it.each(['9', '5001', '1.5', '-20', '', 'lots', '1e3'])('rejects %j', (text) => expect(parseHistoryLimit(text)).toEqual({ ok: false, error: 'settingsErrorHistoryLimit' }));
});

describe('validateApiKey', () => {
  it('trims a pasted newline but refuses inner spaces', () => {
    expect(validateApiKey(' abc\n')).toEqual({ ok: true, apiKey: 'abc' });
    expect(validateApiKey('ab c')).toEqual({ ok: false, error: 'settingsErrorApiKeyInvalid' });
  });
});

describe('parseOptionsForm', () => {
  it('accepts an untouched form on a fresh install (nothing to connect to yet)', () => {
    const { version: _version, silenceLimitSeconds: _policyOnly, dialPrefixes: _alsoPolicyOnly, ...savable } = DEFAULT_SETTINGS;
    expect(parseOptionsForm(form)).toEqual({ ok: true, settings: savable });
  });

  it('names every missing connection piece once one is filled', () => {
    const result = parseOptionsForm({ ...form, domain: 'q.example' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ apiKey: { key: 'settingsErrorApiKeyEmpty', args: [] }, subscriber: { key: 'settingsErrorSubscriberEmpty', args: [] } });
  });

  it('skips fields set by policy', () => {
    expect(parseOptionsForm({ ...form, domain: 'q.example', historyLimit: 'x' }, new Set(['apiKey', 'subscriber', 'historyLimit'])).ok).toBe(true);
  });

  it('anything it accepts fits the settings schema', () => {
    fc.assert(
      fc.property(
        fc.record({ domain: fc.string(), apiKey: fc.string(), subscriber: fc.oneof(fc.string(), fc.emailAddress()), urlTemplate: fc.string(), crmAllowList: fc.string(), historyLimit: fc.string() }),
        (typed) => {
          const result = parseOptionsForm({ ...form, ...typed });
          if (result.ok) expect(settingsSchema.safeParse({ ...result.settings, version: 1 }).success).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
