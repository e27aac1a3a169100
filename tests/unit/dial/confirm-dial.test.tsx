// @vitest-environment happy-dom
// Issue 16, finding 4: the window that stands between a page's number and the company's bill.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ConfirmDialApp } from '../../../src/dial/confirm-dial-app';
import type { PageMessage } from '../../../src/platform/messages';
import { t } from '../calls/call-events';

afterEach(() => cleanup());

function harness(replies: Partial<Record<PageMessage['type'], unknown>>) {
  const sent: PageMessage[] = [];
  let closed = 0;
  const send = async (message: PageMessage) => {
    sent.push(message);
    return replies[message.type];
  };
  render(<ConfirmDialApp token="tok-1" t={t} send={send} closeWindow={() => void closed++} />);
  return { sent, closed: () => closed };
}

describe('dial confirmation window', () => {
  it('shows the exact number the background stored, focuses Cancel, and dials nothing until "Call"', async () => {
    const h = harness({ 'dial-pending': { ok: true, number: '+882161234567' }, 'dial-confirm': { ok: true, number: '+882161234567' } });
    expect((await screen.findByTestId('dial-number')).textContent).toBe('+882161234567');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    expect(h.sent.map((m) => m.type)).toEqual(['dial-pending']);
    fireEvent.click(screen.getByRole('button', { name: 'Call +882161234567' }));
    await waitFor(() => expect(screen.getByTestId('dial-status').getAttribute('data-outcome')).toBe('ok'));
    // The window confirms a token, never a number of its own.
    expect(h.sent.at(-1)).toEqual({ type: 'dial-confirm', token: 'tok-1' });
  });

  it('Escape cancels the request and closes the window', async () => {
    const h = harness({ 'dial-pending': { ok: true, number: '+380671234567' }, 'dial-cancel': { ok: true } });
    await screen.findByTestId('dial-number');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(h.closed()).toBe(1));
    expect(h.sent.map((m) => m.type)).toEqual(['dial-pending', 'dial-cancel']);
  });

  it('an expired or made-up token dials nothing and says so', async () => {
    const h = harness({ 'dial-pending': { ok: false, error: 'expired' } });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'This request has expired or was already answered. Nothing was dialled.');
    expect(screen.queryByRole('button', { name: /^Call/ })).toBeNull();
    expect(h.sent.map((m) => m.type)).toEqual(['dial-pending']);
  });

  it('a number outside the admin\'s prefixes is refused in words', async () => {
    harness({ 'dial-pending': { ok: true, number: '+882161234567' }, 'dial-confirm': { ok: false, number: '+882161234567', error: 'dial-refused' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Call +882161234567' }));
    await waitFor(() => expect(screen.getByTestId('dial-status').textContent).toBe('Could not call: Your administrator does not allow calls to this number.'));
  });
});
