// Every CRM that answered for this caller, each with its own link (issue 6: all reachable).
import type { CrmCardView } from './caller-view';
import { usePopup } from './popup-context';

export function CrmCards({ cards, callUuid }: { cards: CrmCardView[]; callUuid: string }) {
  const { t, actions } = usePopup();
  return (
    <details class="crm-cards">
      <summary>{t('popupMoreCrms', [String(cards.length)])}</summary>
      <ul class="crm-list">
        {cards.map(({ url, ...card }) => (
          <li key={card.key} class="crm-card">
            <p class="crm-card__name">{card.name ?? card.number ?? t('popupUnknownCaller')}</p>
            {card.company && <p class="muted">{card.company}</p>}
            {card.unknown && <p class="muted">{t('popupCrmUnknownClient')}</p>}
            {url !== null ? (
              <button type="button" class="button" onClick={() => actions.openCrm(url, callUuid)}>
                {card.source ? t('popupOpenCrmSource', [card.actionLabel, card.source]) : card.actionLabel}
              </button>
            ) : (
              card.urlRejected && <p class="muted">{t('popupCrmLinkRejected')}</p>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
