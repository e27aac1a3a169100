// Connection health and presence: what the agent needs to trust the rest of the popup.
import { HealthLine } from './health-line';
import { PresenceBadge } from './presence-badge';
import { usePopup } from './popup-context';
import type { PopupView } from './view-model';

export function Header({ view }: { view: PopupView }) {
  const { t, actions } = usePopup();
  const { health, presence } = view;
  return (
    <header class="header">
      <div class="header__row">
        <h1>{t('popupHeading')}</h1>
        {presence && <PresenceBadge presence={presence} />}
      </div>
      <HealthLine health={health} />
      {(health.canRetry || (health.needsOptions && view.empty !== 'not-configured')) && (
        <div class="header__actions">
          {health.canRetry && (
            <button type="button" class="button" onClick={actions.retry}>
              {t('popupRetryNow')}
            </button>
          )}
          {health.needsOptions && view.empty !== 'not-configured' && (
            <button type="button" class="button" onClick={actions.openOptions}>
              {t('popupOpenOptions')}
            </button>
          )}
        </div>
      )}
    </header>
  );
}
