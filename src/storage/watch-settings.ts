// Calls back when any source of the effective settings changes: the local settings, the agent's
// e-mail, the synced preferences or the policy. Its own module, with keys only, so a page can
// follow settings without loading the settings code (the popup loads that after its first paint).
import { onStorageChanged } from './area';
import { LOCAL_KEYS, SYNC_KEYS } from './keys';

export function watchSettings(onChange: () => void): () => void {
  return onStorageChanged((changes, area) => {
    const local = area === 'local' && (LOCAL_KEYS.settings in changes || LOCAL_KEYS.agentEmail in changes);
    if (area === 'managed' || local || (area === 'sync' && SYNC_KEYS.preferences in changes)) {
      onChange();
    }
  });
}
