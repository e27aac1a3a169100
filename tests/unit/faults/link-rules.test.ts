// Issue 16, finding 5: CRM links open only where the options page says they do.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crmLinkOrNull } from '../../../src/protocol/crm-link';
import { isPrivateNetworkHost } from '../../../src/protocol/private-host';
import { callCarriesLink } from '../../../src/calls/call-links';
import { createInitialState } from '../../../src/calls/initial-state';
import { processFrame } from '../../../src/calls/process-frame';
import { configWith } from '../calls/call-events';
import { dialFrame, wire } from '../protocol/frame-builders';

const PRIVATE_LINKS = [
  'https://localhost/contacts/1',
  'https://app.localhost/x',
  'https://127.0.0.1/x',
  'https://127.8.9.10:8443/x',
  'https://2130706433/x', // 127.0.0.1 written as one number
  'https://0x7f.1/x',
  'https://[::1]/x',
  'https://[::ffff:127.0.0.1]/x',
  'https://[::ffff:192.168.1.1]/x',
  'https://0.0.0.0/x',
  'https://10.0.0.5/x',
  'https://172.16.0.1/x',
  'https://172.31.255.255/x',
  'https://192.168.1.1/admin',
  'https://169.254.169.254/latest/meta-data/',
  'https://100.64.0.1/x',
  'https://[fe80::1]/x',
  'https://[fd12:3456::1]/x',
  'https://printer.local/x',
  'https://crm.internal/x',
  'https://router.home.arpa/x',
  'https://intranet/x',
];

describe('CRM link rules', () => {
  it('without an allow-list opens https: links and nothing else', () => {
    expect(crmLinkOrNull('https://crm.example.com/contacts/1', [])).toBe('https://crm.example.com/contacts/1');
    expect(crmLinkOrNull('http://crm.example.com/contacts/1', [])).toBeNull();
    expect(crmLinkOrNull('http://crm.example.com/contacts/1', [], 'auto')).toBeNull();
  });

  it('an http: link opens only when its origin is allow-listed', () => {
    expect(crmLinkOrNull('http://crm.example.com/contacts/1', ['http://crm.example.com'])).toBe('http://crm.example.com/contacts/1');
    expect(crmLinkOrNull('http://crm.example.com/contacts/1', ['https://crm.example.com'])).toBeNull();
  });

  it.each(PRIVATE_LINKS)('%s never opens by itself, and on a click only when allow-listed', (link) => {
    const origin = new URL(link).origin;
    expect(crmLinkOrNull(link, [])).toBeNull();
    expect(crmLinkOrNull(link, [], 'auto')).toBeNull();
    expect(crmLinkOrNull(link, ['https://crm.example.com'])).toBeNull();
    expect(crmLinkOrNull(link, [origin], 'auto')).toBeNull();
    expect(crmLinkOrNull(link, [origin], 'click')).toBe(new URL(link).href);
  });

  it('public hosts are not mistaken for private ones', () => {
    for (const host of ['crm.example.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '11.0.0.1', '[2001:db8::1]', 'local.example.com', 'localhost.example.com']) {
      expect(isPrivateNetworkHost(new URL(`https://${host}/`).hostname), host).toBe(false);
    }
  });

  it('any IPv4 address in a private range is private however the link writes it', () => {
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
    );
    fc.assert(
      fc.property(privateV4, fc.constantFrom('dotted', 'number', 'hex'), (parts, form) => {
        const n = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
        const host = form === 'dotted' ? parts.join('.') : form === 'number' ? String(n) : `0x${n.toString(16)}`;
        expect(crmLinkOrNull(`https://${host}/x`, [])).toBeNull();
        expect(crmLinkOrNull(`https://${host}/x`, [], 'auto')).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('a page asking the background to open a link', () => {
  it('gets it opened only when the named call carries that link', () => {
    const state = createInitialState();
    processFrame(state, wire(dialFrame({ uuid: 'call-1' })), 1_700_000_000_000, configWith());
    expect(callCarriesLink(state, 'call-1', 'https://crm.example.com/contacts/29')).toBe(true);
    expect(callCarriesLink(state, 'call-1', 'https://evil.example/phish')).toBe(false);
    expect(callCarriesLink(state, 'no-such-call', 'https://crm.example.com/contacts/29')).toBe(false);
  });
});
