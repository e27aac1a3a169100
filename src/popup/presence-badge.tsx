// The agent's own pause state (lgDirection 32 / 64) and when it last changed.
import { usePopup } from './popup-context';
import type { PresenceView } from './view-model';

export function PresenceBadge({ presence }: { presence: PresenceView }) {
  const { t } = usePopup();
  return (
    <p class={`presence presence--${presence.status}`} data-testid="presence">
      <span class="visually-hidden">{t('popupPresenceLabel')}: </span>
      {presence.label}
      {presence.since && <span class="muted"> · {presence.since}</span>}
    </p>
  );
}
