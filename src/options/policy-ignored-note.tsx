// A policy value CallPop cannot use is ignored, never fatal (settings/managed-settings.ts); the
// field then keeps the agent's own value. Left silent, an agent sees a "wrong" setting and IT
// sees nothing: this names the policy keys, as the admin wrote them, for the agent to pass on.
import type { Translate } from '../i18n/i18n-types';

export interface PolicyIgnoredNoteProps {
  /** Policy keys set with a value CallPop could not use (managed-settings.ts `invalid`). */
  keys: readonly string[];
  t: Translate;
}

export function PolicyIgnoredNote({ keys, t }: PolicyIgnoredNoteProps) {
  if (keys.length === 0) return null;
  return (
    <div class="result result--bad policy-ignored" data-testid="policy-ignored">
      <p class="result-words">{t('optionsPolicyIgnoredTitle')}</p>
      <p class="hint">{t('optionsPolicyIgnoredBody', [[...new Set(keys)].join(', ')])}</p>
    </div>
  );
}
