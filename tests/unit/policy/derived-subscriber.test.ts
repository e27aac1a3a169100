// Issue 19 §1: the settings every page and the background read when the policy derives the
// subscriber from the agent's e-mail (browser account first, then the one typed once).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser, setPolicy } from '../support/fake-browser';
import { readEffectiveSettings, saveAgentEmail, saveSettings } from '../../../src/storage/settings-store';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const policy = { domain: 'qwerty.pbx.vega.ua', apiKey: 'k-1', subscriberFrom: 'profileEmail', subscriberTemplate: '{local}@company.ua' };
const withIdentity = (email: string) => Object.assign(fakeBrowser, { identity: { getProfileUserInfo: async () => ({ email, id: email ? '1' : '' }) } });

describe('a subscriber derived from the e-mail', () => {
  beforeEach(() => {
    resetFakeBrowser();
    delete (fakeBrowser as { identity?: unknown }).identity;
  });

  it('with no e-mail anywhere: locked and empty, so the agent is asked, and their old typed subscriber is not used', async () => {
    await saveSettings({ subscriber: '205' });
    await setPolicy(policy);
    const effective = await readEffectiveSettings();
    expect(effective.settings.subscriber).toBe('');
    expect(effective.locked).toContain('subscriber');
    expect(effective.subscriberFromEmail).toEqual({ source: 'missing', email: '' });
  });

  it('uses the e-mail the agent typed once', async () => {
    await setPolicy(policy);
    await saveAgentEmail(' olena@gmail.com ');
    const effective = await readEffectiveSettings();
    expect(effective.settings.subscriber).toBe('olena@company.ua');
    expect(effective.subscriberFromEmail).toEqual({ source: 'agent', email: 'olena@gmail.com' });
  });

  it('prefers the browser account e-mail (Chrome with the identity permission)', async () => {
    withIdentity('olena.k@corp.example');
    await setPolicy(policy);
    await saveAgentEmail('typo@gmail.com');
    const effective = await readEffectiveSettings();
    expect(effective.settings.subscriber).toBe('olena.k@company.ua');
    expect(effective.subscriberFromEmail?.source).toBe('profile');
  });

  it('falls back to the typed e-mail when the profile is not signed in (empty e-mail)', async () => {
    withIdentity('');
    await setPolicy(policy);
    await saveAgentEmail('olena@gmail.com');
    expect((await readEffectiveSettings()).subscriberFromEmail?.source).toBe('agent');
  });

  it('an explicit subscriber in the policy wins and nothing is derived', async () => {
    withIdentity('olena@corp.example');
    await setPolicy({ ...policy, subscriber: '101' });
    const effective = await readEffectiveSettings();
    expect(effective.settings.subscriber).toBe('101');
    expect(effective.subscriberFromEmail).toBeUndefined();
  });
});
