// @vitest-environment happy-dom
// The popup's and options page's REST features follow their own storage items only: the
// background writes session storage on every frame, and a page reading its settings back each
// time competes with the pop-up (docs/performance.md, ring-to-pop).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { useRestFeatures } from '../../../src/ui/use-rest-features';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

function Probe() {
  return <p>{useRestFeatures().status.state}</p>;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('useRestFeatures', () => {
  beforeEach(() => resetFakeBrowser());
  afterEach(() => cleanup());

  it('reads again when a settings source or the REST status changes, never for a session write', async () => {
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    render(<Probe />);
    await waitFor(() => expect(reads).toHaveBeenCalled());
    await settle();
    reads.mockClear();

    await fakeBrowser.storage.session.set({ [SESSION_KEYS.shown]: { shown: {}, autoOpened: [] }, [SESSION_KEYS.health]: {} });
    await settle();
    expect(reads).not.toHaveBeenCalled();

    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.restStatus]: { state: 'unknown' } });
    await waitFor(() => expect(reads).toHaveBeenCalled());
    reads.mockClear();
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: { domain: 'pbx.example.com' } });
    await waitFor(() => expect(reads).toHaveBeenCalled());
  });
});
