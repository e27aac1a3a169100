// @vitest-environment happy-dom
// A structural axe-core pass on the populated popup (names, roles, lists, headings). Colour
// contrast needs real layout and is checked by axe in the real browser, in both themes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { App } from '../../../src/popup/app';
import { browserPopupActions } from '../../../src/popup/page-actions';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import { activeOf, callRecord, callsState, catalogTranslator, crmCard, endedRecord, health, party, T0 } from './call-fixtures';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

beforeEach(() => resetFakeBrowser());
afterEach(() => cleanup());

describe('popup accessibility', () => {
  it('the check itself catches a nameless button in this environment', async () => {
    render(<button type="button" />);
    expect((await violations()).join()).toContain('button-name');
  });

  it('has no axe violations with live calls, several CRMs, history and a pending confirmation', async () => {
    const group = callRecord({ uuid: 'g', seq: 1, leg: party({ type: 'group', displayName: 'Sales' }) });
    const member = callRecord({ uuid: 'm', seq: 2, parentUuid: 'g', rootUuid: 'g', status: 'answered', bridgeAt: T0 });
    const multi = callRecord({
      uuid: 'x',
      seq: 3,
      crm: [crmCard({ url: 'https://one.example/1' }), crmCard({ id: null, url: 'https://two.example/new' })],
    });
    await fakeBrowser.storage.session.set({
      [SESSION_KEYS.callState]: callsState({ active: activeOf(group, member, multi), presence: { status: 'available', since: T0 } }),
      [SESSION_KEYS.health]: health({ state: 'reconnecting', retryAt: Date.now() + 5_000 }),
    });
    await fakeBrowser.storage.local.set({
      [LOCAL_KEYS.history]: [endedRecord(), endedRecord({ outcome: 'missed', bridgeAt: null, unseen: true })],
    });
    render(<App t={catalogTranslator('en')} languageTag="en" actions={browserPopupActions} />);
    await waitFor(() => expect(screen.getAllByTestId('live-call')).toHaveLength(2));
    // The history comes after the first paint (the popup shows live calls first).
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history' }));
    expect(await violations()).toEqual([]);
  });

  it('has no axe violations on the first-run page', async () => {
    render(<App t={catalogTranslator('uk')} languageTag="uk" actions={browserPopupActions} />);
    await waitFor(() => expect(screen.getByTestId('empty-state')).toBeTruthy());
    expect(await violations()).toEqual([]);
  });
});
