// What the options page knows of the settings, and how it runs "Test connection". A key set by
// policy never reaches this page (issue 16, finding 3): the page asks the browser for every
// policy value but the key, and asks the background only WHETHER a policy sets one. The field
// then shows empty and locked ("Set by your administrator"); the background, which holds the
// key, fills it in where it is needed (the connection, "Test connection").
import { browser } from '../platform/browser-api';
import { pageReplySchema, type PageMessage } from '../platform/messages';
import { isConfigured, readEffectiveSettings, type EffectiveSettings } from '../storage/settings-store';
import type { Settings } from '../settings/settings-schema';
import type { ConnectionTestReport } from '../connection/connection-test';

/** The connection fields as typed on the page. */
export type ConnectionFields = Pick<Settings, 'domain' | 'apiKey' | 'subscriber' | 'urlTemplate'>;

/** Stands in for a policy key where the page only checks the other fields (it is never sent anywhere). */
export const POLICY_KEY_STAND_IN = 'set-by-policy';

async function ask(message: PageMessage) {
  const reply = pageReplySchema.safeParse(await browser.runtime.sendMessage(message).catch(() => undefined));
  return reply.success ? reply.data : null;
}

export async function readPageSettings(): Promise<EffectiveSettings> {
  const [read, reply] = await Promise.all([readEffectiveSettings({ withoutPolicyKey: true }), ask({ type: 'policy-key' })]);
  // Only the background reads the policy's key, so only it can say the key there is unusable.
  const effective = reply?.policyKeyIgnored === true ? { ...read, ignoredByPolicy: [...read.ignoredByPolicy, 'apiKey'] } : read;
  if (reply?.policyKey !== true) return effective;
  return { ...effective, settings: { ...effective.settings, apiKey: '' }, locked: [...effective.locked, 'apiKey'] };
}

/** isConfigured for the page's view, where a policy key reads as ''. */
export function pageIsConfigured({ settings, locked }: EffectiveSettings): boolean {
  return isConfigured(locked.includes('apiKey') ? { ...settings, apiKey: POLICY_KEY_STAND_IN } : settings);
}

const NO_ANSWER: ConnectionTestReport = { result: 'unreachable', firstFrame: null, detail: 'optionsTestDetailUnreachable', httpStatus: null };

/** "Test connection", run by the background with these fields (see src/connection/connection-test.ts). */
export async function testInBackground(fields: ConnectionFields): Promise<ConnectionTestReport> {
  const reply = await ask({ type: 'test-connection', ...fields });
  return reply?.report ?? NO_ANSWER;
}
