import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildConnectionUrl, checkUrlTemplate, normalizeDomain, validateSubscriber, INSECURE_URL_ERROR } from '../../../src/settings/connection-url';

const base = { domain: 'qwerty.pbx.vega.ua', apiKey: 'k3y', subscriber: '001', urlTemplate: '' };

describe('normalizeDomain', () => {
  it.each([
    ['qwerty.pbx.vega.ua', 'qwerty.pbx.vega.ua'],
    ['  QWERTY.pbx.Vega.UA \n', 'qwerty.pbx.vega.ua'],
    ['https://qwerty.pbx.vega.ua/features/crm/contacts/edit.jsp#/?id=1', 'qwerty.pbx.vega.ua'],
    ['wss://qwerty.pbx.vega.ua/live/connector/v3/easy?domain=qwerty.pbx.vega.ua&apiKey=x&subscriber=001', 'qwerty.pbx.vega.ua'],
    ['wss://qwerty.pbx.vega.ua:443/live', 'qwerty.pbx.vega.ua'],
    ['company.phonet.com.ua/', 'company.phonet.com.ua'],
    ['127.0.0.1:8080', '127.0.0.1:8080'],
    ['ws://localhost:9000/live/connector/v3/easy', 'localhost:9000'],
    ['http://[::1]:8080', '[::1]:8080'],
  ])('accepts %j as %j', (input, domain) => {
    expect(normalizeDomain(input)).toEqual({ ok: true, domain });
  });

  it.each([
    ['', 'settingsErrorDomainEmpty'],
    ['   ', 'settingsErrorDomainEmpty'],
    ['ftp://qwerty.pbx.vega.ua', 'settingsErrorDomainScheme'],
    ['javascript://alert(1)', 'settingsErrorDomainScheme'],
    ['qwerty pbx', 'settingsErrorDomainInvalid'],
    ['not_a_host!', 'settingsErrorDomainInvalid'],
    ['https://user:pw@qwerty.pbx.vega.ua', 'settingsErrorDomainInvalid'],
    ['-bad-.example', 'settingsErrorDomainInvalid'],
    ['999.1.1.1', 'settingsErrorDomainInvalid'],
  ])('rejects %j with %s', (input, error) => {
    expect(normalizeDomain(input)).toEqual({ ok: false, error });
  });

  it('never throws and always yields a lowercase host without spaces or a path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (input) => {
        const result = normalizeDomain(input);
        if (result.ok) {
          expect(result.domain).toBe(result.domain.toLowerCase());
          expect(result.domain).not.toMatch(/[\s/?#@]/);
        } else expect(result.error).toMatch(/^settingsErrorDomain/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('validateSubscriber', () => {
  it.each(['001', '101', '1234567890', 'agent@example.com', 'first.last+calls@sub.example.com.ua'])('accepts %j', (s) => {
    expect(validateSubscriber(` ${s} `)).toEqual({ ok: true, subscriber: s });
  });
  it.each([
    ['', 'settingsErrorSubscriberEmpty'],
    ['1', 'settingsErrorSubscriberDigits'],
    ['12345678901', 'settingsErrorSubscriberDigits'],
    ['John', 'settingsErrorSubscriberInvalid'],
    ['agent@', 'settingsErrorSubscriberInvalid'],
    ['a b@c.d', 'settingsErrorSubscriberInvalid'],
  ])('rejects %j with %s', (s, error) => {
    expect(validateSubscriber(s)).toEqual({ ok: false, error });
  });
});

describe('buildConnectionUrl', () => {
  it('builds the documented URL from docs/protocol.md', () => {
    expect(buildConnectionUrl(base)).toEqual({
      ok: true,
      url: 'wss://qwerty.pbx.vega.ua/live/connector/v3/easy?domain=qwerty.pbx.vega.ua&apiKey=k3y&subscriber=001',
    });
  });

  it('keeps an e-mail subscriber with + and @ intact through the query string', () => {
    const built = buildConnectionUrl({ ...base, subscriber: 'first+calls@example.com', apiKey: 'a+b/c=&d' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const params = new URL(built.url).searchParams;
    expect(params.get('subscriber')).toBe('first+calls@example.com');
    expect(params.get('apiKey')).toBe('a+b/c=&d');
    expect(params.get('domain')).toBe('qwerty.pbx.vega.ua');
  });

  it('round-trips any key through the query string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((k) => k.trim() === k && !/[\s\p{Cc}]/u.test(k)), (apiKey) => {
        const built = buildConnectionUrl({ ...base, apiKey });
        expect(built.ok).toBe(true);
        if (built.ok) expect(new URL(built.url).searchParams.get('apiKey')).toBe(apiKey);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizes a pasted URL in the domain field before building', () => {
    const built = buildConnectionUrl({ ...base, domain: 'https://Qwerty.pbx.vega.ua/settings' });
    expect(built.ok && new URL(built.url).host).toBe('qwerty.pbx.vega.ua');
  });

  it('uses plain ws:// for a loopback simulator and keeps its port', () => {
    expect(buildConnectionUrl({ ...base, domain: '127.0.0.1:8080' })).toEqual({
      ok: true,
      url: 'ws://127.0.0.1:8080/live/connector/v3/easy?domain=127.0.0.1%3A8080&apiKey=k3y&subscriber=001',
    });
    const local = buildConnectionUrl({ ...base, domain: 'localhost:9' });
    expect(local.ok && local.url.startsWith('ws://localhost:9/')).toBe(true);
  });

  it('substitutes template placeholders URL-encoded', () => {
    const built = buildConnectionUrl({
      ...base,
      subscriber: 'a+b@example.com',
      apiKey: 'k&y=1',
      urlTemplate: 'wss://{domain}/custom/path?key={apiKey}&who={subscriber}&d={domain}',
    });
    expect(built).toEqual({ ok: true, url: 'wss://qwerty.pbx.vega.ua/custom/path?key=k%26y%3D1&who=a%2Bb%40example.com&d=qwerty.pbx.vega.ua' });
  });

  it('allows a ws:// template only on loopback hosts', () => {
    expect(buildConnectionUrl({ ...base, urlTemplate: 'ws://127.0.0.1:9/x?k={apiKey}' })).toEqual({ ok: true, url: 'ws://127.0.0.1:9/x?k=k3y' });
    expect(buildConnectionUrl({ ...base, urlTemplate: 'ws://[::1]:9/x' }).ok).toBe(true);
    expect(buildConnectionUrl({ ...base, urlTemplate: 'ws://{domain}/x?k={apiKey}' })).toEqual({ ok: false, error: INSECURE_URL_ERROR });
    expect(buildConnectionUrl({ ...base, urlTemplate: 'https://{domain}/x' })).toEqual({ ok: false, error: INSECURE_URL_ERROR });
  });

  it('names the problem with a template, the domain, the key or the subscriber', () => {
    expect(buildConnectionUrl({ ...base, urlTemplate: 'wss://{host}/x' })).toEqual({ ok: false, error: 'settingsErrorTemplatePlaceholder' });
    expect(buildConnectionUrl({ ...base, urlTemplate: 'not a url' })).toEqual({ ok: false, error: 'settingsErrorTemplateInvalid' });
    expect(buildConnectionUrl({ ...base, domain: '' })).toEqual({ ok: false, error: 'settingsErrorDomainEmpty' });
    expect(buildConnectionUrl({ ...base, apiKey: '  ' })).toEqual({ ok: false, error: 'settingsErrorApiKeyEmpty' });
    expect(buildConnectionUrl({ ...base, subscriber: 'bob' })).toEqual({ ok: false, error: 'settingsErrorSubscriberInvalid' });
  });

  it('never produces a non-TLS URL for a non-loopback host, whatever the template', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('qwerty.pbx.vega.ua', '127.0.0.1:1', 'x.example'), (urlTemplate, domain) => {
        const built = buildConnectionUrl({ ...base, domain, urlTemplate });
        if (!built.ok) return;
        const url = new URL(built.url);
        expect(url.protocol === 'wss:' || (url.protocol === 'ws:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('checks a template on its own, with the real domain when known', () => {
    expect(checkUrlTemplate('')).toEqual({ ok: true, value: '' });
    expect(checkUrlTemplate('ws://{domain}/x')).toEqual({ ok: false, error: INSECURE_URL_ERROR });
    expect(checkUrlTemplate('ws://{domain}/x', '127.0.0.1:8080')).toEqual({ ok: true, value: 'ws://{domain}/x' });
  });
});
