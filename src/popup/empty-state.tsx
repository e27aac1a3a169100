// First run and quiet times: say what is going on and what to do about it.
import { usePopup } from './popup-context';
import type { EmptyState as EmptyKind } from './view-model';

export function EmptyState({ kind }: { kind: NonNullable<EmptyKind> }) {
  const { t, actions } = usePopup();
  if (kind === 'not-configured') {
    return (
      <section class="empty empty--setup" data-testid="empty-state">
        <p>{t('popupEmptyNotConfigured')}</p>
        <button type="button" class="button button--primary" onClick={actions.openOptions}>
          {t('popupOpenOptions')}
        </button>
      </section>
    );
  }
  return (
    <section class="empty" data-testid="empty-state">
      <p>{t(kind === 'listening' ? 'popupEmptyListening' : 'popupEmptyNoCalls')}</p>
    </section>
  );
}
