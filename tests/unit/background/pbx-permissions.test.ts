// Issue 16, finding 6: host access granted for an old PBX domain goes when the domain changes.
import { describe, expect, it, vi } from 'vitest';

const granted = new Set<string>();
vi.mock('../../../src/platform/browser-api', () => ({
  browser: {
    permissions: {
      getAll: async () => ({ origins: [...granted], permissions: ['storage'] }),
      remove: async ({ origins }: { origins: string[] }) => {
        for (const origin of origins) granted.delete(origin);
        return true;
      },
    },
  },
}));

const { dropOtherPbxAccess } = await import('../../../src/background/pbx-permissions');

describe('host access follows the PBX domain', () => {
  it('keeps the new PBX origin and removes the old one', async () => {
    granted.clear();
    granted.add('https://old.pbx.vega.ua/*').add('https://new.pbx.vega.ua/*');
    expect(await dropOtherPbxAccess('new.pbx.vega.ua')).toEqual(['https://old.pbx.vega.ua/*']);
    expect([...granted]).toEqual(['https://new.pbx.vega.ua/*']);
  });

  it('a cleared domain leaves no host access at all', async () => {
    granted.clear();
    granted.add('http://127.0.0.1/*');
    await dropOtherPbxAccess('');
    expect([...granted]).toEqual([]);
  });
});
