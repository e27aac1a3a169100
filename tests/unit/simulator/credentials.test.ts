import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequest, redactUrl, WS_PATH } from '../../../tools/simulator/credentials';

const credentials = { domain: 'demo.pbx.local', apiKey: 'demo-key', subscribers: ['101', 'agent@example.com'] };
// A key that is a piece of the URL's own fixed text would be "redacted" there too; not a leak.
const FIXED_TEXT = `${WS_PATH}?domain=d&apikey=redacted&subscriber=`.toLowerCase();
const urlFor = (query: Record<string, string>, path = WS_PATH) => new URL(`http://x${path}?${new URLSearchParams(query)}`);

describe('simulator credentials', () => {
  it('accepts exactly the configured domain, key and a listed subscriber', () => {
    expect(checkRequest(urlFor({ domain: 'demo.pbx.local', apiKey: 'demo-key', subscriber: 'agent@example.com' }), credentials)).toEqual({ ok: true });
    expect(checkRequest(urlFor({ domain: 'demo.pbx.local', apiKey: 'demo-key' }), credentials)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(urlFor({ domain: 'demo.pbx.local', apiKey: 'demo-key', subscriber: '101' }, '/live/connector/v3/easy/'), credentials)).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses any other credentials with 403', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (domain, apiKey, subscriber) => {
        const result = checkRequest(urlFor({ domain, apiKey, subscriber }), credentials);
        const valid = domain === credentials.domain && apiKey === credentials.apiKey && credentials.subscribers.includes(subscriber);
        expect(result.ok).toBe(valid);
        if (!result.ok) expect(result.status).toBe(403);
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets the configured key or any apiKey parameter through to a log line', () => {
    const key = fc.string({ minLength: 3, maxLength: 40 }).filter((k) => k.trim() !== '' && !FIXED_TEXT.includes(k.toLowerCase()));
    fc.assert(
      fc.property(key, fc.string(), fc.constantFrom('apiKey', 'apikey', 'APIKEY'), (apiKey, junk, name) => {
        const target = `${WS_PATH}?domain=d&${name}=${encodeURIComponent(apiKey)}&subscriber=${encodeURIComponent(junk)}${encodeURIComponent(apiKey)}`;
        const logged = redactUrl(target, apiKey);
        expect(logged).not.toContain(encodeURIComponent(apiKey));
        expect(logged).not.toContain(new URLSearchParams({ k: apiKey }).toString().slice(2));
        for (const value of new URL(logged, 'http://x').searchParams.values()) expect(value).not.toContain(apiKey);
        expect(new URL(logged, 'http://x').searchParams.get(name)).toBe('REDACTED');
      }),
      { numRuns: 1000 },
    );
  });
});
