// A caller card with its actions, shared by live calls and history rows.
import type { ComponentChildren } from 'preact';
import type { CallerView } from './caller-view';
import { CopyNumberButton } from './copy-number-button';
import { CrmCards } from './crm-cards';
import { usePopup } from './popup-context';

interface CallCardProps {
  caller: CallerView;
  /** Heading level for the caller's name: live calls are headings, history rows are not. */
  titleAs: 'h3' | 'p';
  /** Direction, state, timer or outcome: shown above the name. */
  meta: ComponentChildren;
}

export function CallCard({ caller, titleAs: Title, meta }: CallCardProps) {
  const { t, actions } = usePopup();
  const { primary } = caller;
  const details: [string, string | null][] = [
    [t('popupCompanyLabel'), caller.company],
    [t('popupNumberLabel'), caller.number !== caller.title ? caller.number : null],
    [t('popupLineLabel'), caller.line],
    [t('popupGroupLabel'), caller.groupName],
  ];
  return (
    <article class="call-card">
      <div class="call-card__meta">{meta}</div>
      <Title class="call-card__title">{caller.title}</Title>
      <dl class="call-card__details">
        {details
          .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <div class="call-card__actions">
        {primary && (
          <button type="button" class="button button--primary" onClick={() => actions.openCrm(primary.url, caller.callUuid)}>
            {primary.actionLabel}
          </button>
        )}
        {caller.number && <CopyNumberButton number={caller.number} />}
      </div>
      {caller.crm.length > 1 && <CrmCards cards={caller.crm} callUuid={caller.callUuid} />}
    </article>
  );
}
