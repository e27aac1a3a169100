// Issue 19 §1: one policy for every agent — the subscriber derived from the agent's e-mail.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { subscriberFromEmail, subscriberTemplateProblem } from '../../../src/settings/subscriber-from-email';
import { parseManagedSettings } from '../../../src/settings/managed-settings';
import { validateSubscriber } from '../../../src/settings/connection-url';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/);
const domainPart = fc.stringMatching(/^[a-z0-9-]{1,12}\.(ua|com|example)$/);

describe('subscriberFromEmail', () => {
  it('uses the e-mail as it is when there is no template', () => {
    expect(subscriberFromEmail('Olena.K@Gmail.com')).toBe('Olena.K@gmail.com');
  });

  it('rewrites with {local}, {domain} and {email}', () => {
    expect(subscriberFromEmail('olena@corp.example.com', '{local}@company.ua')).toBe('olena@company.ua');
    expect(subscriberFromEmail('olena@corp.example.com', 'pbx.{local}@{domain}')).toBe('pbx.olena@corp.example.com');
    expect(subscriberFromEmail(' olena@corp.example.com ', '{email}')).toBe('olena@corp.example.com');
  });

  it('gives nothing for a missing or malformed e-mail', () => {
    for (const bad of ['', 'olena', 'olena@', '@corp.ua', 'a@b@c.ua', 'ole na@corp.ua', 'olena@corp']) expect(subscriberFromEmail(bad, '{local}@company.ua')).toBeNull();
  });

  it('gives nothing for a template with an unknown placeholder or a result that is no subscriber', () => {
    expect(subscriberFromEmail('olena@corp.ua', '{user}@company.ua')).toBeNull();
    expect(subscriberFromEmail('olena@corp.ua', '{local}')).toBeNull();
    expect(subscriberFromEmail('olena@corp.ua', '{local@company.ua')).toBeNull();
  });

  it('property: {local}@company.ua keeps the local part of any account e-mail and is always a valid subscriber', () => {
    fc.assert(
      fc.property(localPart, domainPart, (local, domain) => {
        const subscriber = subscriberFromEmail(`${local}@${domain}`, '{local}@company.ua');
        expect(subscriber).toBe(`${local}@company.ua`);
        expect(validateSubscriber(subscriber!).ok).toBe(true);
      }),
    );
  });

  it('property: any input and any template give null or a valid subscriber with no placeholder left', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.constantFrom('{local}@company.ua', '{email}', '{local}.{domain}@x.ua', '')), (email, template) => {
        const subscriber = subscriberFromEmail(email, template);
        if (subscriber !== null) {
          expect(validateSubscriber(subscriber).ok).toBe(true);
          expect(subscriber).not.toMatch(/[{}]/);
        }
      }),
    );
  });
});

describe('subscriberTemplateProblem', () => {
  it('accepts the documented templates and names what is wrong with others', () => {
    expect(subscriberTemplateProblem('{local}@company.ua')).toBeNull();
    expect(subscriberTemplateProblem('{email}')).toBeNull();
    expect(subscriberTemplateProblem('{name}@company.ua')).toMatch(/unknown placeholder \{name\}/);
    expect(subscriberTemplateProblem('{local}@company.ua}')).toMatch(/unmatched/);
    expect(subscriberTemplateProblem('{local}')).toMatch(/neither/);
  });
});

describe('the managed subscriberFrom setting', () => {
  it('derives the subscriber from the e-mail with the template', () => {
    expect(parseManagedSettings({ subscriberFrom: 'profileEmail', subscriberTemplate: '{local}@company.ua' }).subscriberFromEmail).toEqual({ template: '{local}@company.ua' });
    expect(parseManagedSettings({ subscriberFrom: 'profileEmail' }).subscriberFromEmail).toEqual({ template: '' });
  });

  it('leaves it to an explicit subscriber, which wins', () => {
    expect(parseManagedSettings({ subscriberFrom: 'profileEmail', subscriber: '101' }).subscriberFromEmail).toBeNull();
  });

  it('ignores and reports an unknown source or a broken template instead of deriving a wrong subscriber', () => {
    const unknownSource = parseManagedSettings({ subscriberFrom: 'ldap' });
    expect(unknownSource.subscriberFromEmail).toBeNull();
    expect(unknownSource.invalid).toContain('subscriberFrom');
    const broken = parseManagedSettings({ subscriberFrom: 'profileEmail', subscriberTemplate: '{user}@x.ua' });
    expect(broken.subscriberFromEmail).toBeNull();
    expect(broken.invalid).toContain('subscriberTemplate');
  });
});
