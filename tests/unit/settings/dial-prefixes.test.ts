// Issue 16, finding 4: an admin can restrict dialling by number prefix through policy.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { dialAllowed, dialPrefixesFromPolicy, normalizeDialPrefix } from '../../../src/settings/dial-prefixes';
import { parseManagedSettings } from '../../../src/settings/managed-settings';
import { readFileSync } from 'node:fs';
import { MANAGED_KEYS_WITHOUT_API_KEY } from '../../../src/settings/managed-settings';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

describe('dialPrefixes policy', () => {
  it('allows every number without a list, and only listed prefixes with one', () => {
    expect(dialAllowed('+882161234567', [])).toBe(true);
    expect(dialAllowed('+380671234567', ['+380'])).toBe(true);
    expect(dialAllowed('+882161234567', ['+380'])).toBe(false);
    expect(dialAllowed('+4420', ['+380', '+44'])).toBe(true);
  });

  it('normalizes what an admin types, and a list of typos refuses every number instead of allowing all', () => {
    expect(normalizeDialPrefix('00 380')).toBe('+380');
    expect(normalizeDialPrefix('+38 (0)')).toBe('+380');
    expect(normalizeDialPrefix('380')).toBeNull();
    expect(parseManagedSettings({ dialPrefixes: ['00380', '+48'] }).layer.dialPrefixes).toEqual(['+380', '+48']);
    const typos = parseManagedSettings({ dialPrefixes: ['ukraine'] });
    expect(typos.invalid).toContain('dialPrefixes');
    fc.assert(fc.property(fc.stringMatching(/^\+\d{8,15}$/), (number) => {
      expect(dialAllowed(number, typos.layer.dialPrefixes ?? [])).toBe(false);
    }));
    expect(dialPrefixesFromPolicy(['+380', 'x']).prefixes).toEqual(['+380', 'x']);
  });

  it('is in the managed schema, and pages ask the browser for every policy key but apiKey', () => {
    const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as { properties: Record<string, unknown> };
    expect(schema.properties.dialPrefixes).toBeDefined();
    expect([...MANAGED_KEYS_WITHOUT_API_KEY].sort()).toEqual(Object.keys(schema.properties).filter((k) => k !== 'apiKey').sort());
  });
});
