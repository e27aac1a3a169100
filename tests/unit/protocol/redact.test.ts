import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redactText, redactUrl } from '../../../src/protocol/redact';
import { buildConnectionUrl } from '../../../src/settings/connection-url';

const keyArb = fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' });

describe('redactUrl', () => {
  it('masks the apiKey query value and leaves the rest readable', () => {
    expect(redactUrl('wss://q.pbx.vega.ua/live/connector/v3/easy?domain=q.pbx.vega.ua&apiKey=s3cr3t&subscriber=001', 's3cr3t')).toBe(
      'wss://q.pbx.vega.ua/live/connector/v3/easy?domain=q.pbx.vega.ua&apiKey=***&subscriber=001',
    );
  });

  it('masks the key wherever a template put it, raw or URL-encoded', () => {
    expect(redactUrl('wss://h/x?token=a%2Bb%40c&k2=a+b@c', 'a+b@c')).toBe('wss://h/x?token=***&k2=***');
  });

  it('never lets the key through, for any key in any built URL', () => {
    fc.assert(
      fc.property(keyArb.filter((k) => k.trim() === k && !/\s/.test(k)), fc.string({ maxLength: 20 }), (apiKey, extra) => {
        const built = buildConnectionUrl({ domain: 'q.pbx.vega.ua', apiKey, subscriber: '101', urlTemplate: `wss://{domain}/p?x=${encodeURIComponent(extra)}&t={apiKey}&apiKey={apiKey}` });
        if (!built.ok) return;
        const out = redactUrl(built.url, apiKey);
        expect(out).not.toContain(apiKey);
        expect(out).not.toContain(encodeURIComponent(apiKey));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets the key through for arbitrary text posing as a URL', () => {
    fc.assert(
      fc.property(keyArb, fc.string({ maxLength: 80 }), fc.string({ maxLength: 20 }), (apiKey, url, tail) => {
        const out = redactUrl(`${url}${apiKey}${tail}?apiKey=${apiKey}`, apiKey);
        expect(out).not.toContain(apiKey);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('redactText', () => {
  it('masks every secret in a report, including JSON-escaped and form-encoded forms', () => {
    const report = 'key: k"ey 1\nurl: ?apiKey=k%22ey%201\nform: k%22ey+1\njson: {"apiKey":"k\\"ey 1"}';
    const out = redactText(report, ['k"ey 1']);
    expect(out).toBe('key: ***\nurl: ?apiKey=***\nform: ***\njson: {"apiKey":"***"}');
  });

  it('ignores empty secrets instead of masking between every character', () => {
    expect(redactText('hello', ['', ''])).toBe('hello');
  });

  it('still hides a key made of asterisks', () => {
    const out = redactText('key=**', ['**']);
    expect(out).not.toContain('**');
  });

  it('no secret survives, whatever the text and the secrets', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 3 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), (secrets, pieces) => {
        // Interleave the secrets into the text so they are there to find.
        const text = pieces.map((p, i) => p + (secrets[i % secrets.length] ?? '')).join('') + secrets.join('');
        const out = redactText(text, secrets);
        for (const secret of secrets) expect(out).not.toContain(secret);
      }),
      { numRuns: 1000 },
    );
  });
});
