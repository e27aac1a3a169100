// Recent calls, newest first. Rendered in pages of 50 behind a "Show more" button: 500 rows
// at once would delay the popup's first useful paint, and a button works from the keyboard.
import { useState } from 'preact/hooks';
import { CallBackButton } from './call-back-button';
import { CallCard } from './call-card';
import { CallNote } from './call-note';
import { RecentSearch } from './recent-search-box';
import { ClearHistory } from './clear-history';
import { usePopup } from './popup-context';
import type { RecentCallView } from './view-model';
import { useRestFeatures } from './use-rest-features';

export const RECENT_PAGE_SIZE = 50;

interface RecentListProps {
  calls: RecentCallView[];
  historyCount: number;
  missedOnly: boolean;
  onMissedOnlyChange: (value: boolean) => void;
  query: string;
  onQueryChange: (value: string) => void;
}

export function RecentList({ calls, historyCount, missedOnly, onMissedOnlyChange, query, onQueryChange }: RecentListProps) {
  const { t } = usePopup();
  const [limit, setLimit] = useState(RECENT_PAGE_SIZE);
  // Call back shows only while the PBX origin is allowed and its REST API answers as documented.
  const canCallBack = useRestFeatures().available;
  if (historyCount === 0) return null;
  const shown = calls.slice(0, limit);
  return (
    <section class="section" aria-labelledby="recent-heading">
      <div class="section__head">
        <h2 id="recent-heading">{t('popupRecentHeading')}</h2>
        <label class="toggle">
          <input type="checkbox" checked={missedOnly} onChange={(event) => onMissedOnlyChange(event.currentTarget.checked)} />
          {t('popupMissedOnly')}
        </label>
      </div>
      <RecentSearch query={query} onQueryChange={onQueryChange} />
      {calls.length === 0 && <p class="empty">{t(query.trim() !== '' ? 'popupSearchNoMatch' : 'popupEmptyNoMissed')}</p>}
      <ul class="call-list">
        {shown.map((call) => (
          <li key={call.key} class={`recent-call recent-call--${call.outcome}`} data-testid="recent-call">
            <CallCard
              caller={call.caller}
              titleAs="p"
              meta={
                <>
                  <span class={`outcome outcome--${call.outcome}`}>{call.outcomeLabel}</span>
                  {call.unseenMissed && (
                    <span class="unseen" title={t('popupUnseenMissedLabel')}>
                      <span aria-hidden="true">{t('popupUnseenMissed')}</span>
                      <span class="visually-hidden">{t('popupUnseenMissedLabel')}</span>
                    </span>
                  )}
                  <span class="tag">{call.directionLabel}</span>
                  <span class="muted">{call.when}</span>
                  {call.duration && (
                    <span class="muted">
                      <span class="visually-hidden">{t('popupDurationLabel')}: </span>
                      {call.duration}
                    </span>
                  )}
                </>
              }
            />
            {canCallBack && call.caller.number && <CallBackButton number={call.caller.number} />}
            <CallNote call={call.key} note={call.note} callerName={call.caller.title} />
          </li>
        ))}
      </ul>
      {calls.length > shown.length && (
        <button type="button" class="button button--wide" onClick={() => setLimit(limit + RECENT_PAGE_SIZE)}>
          {t('popupShowMore', [String(calls.length - shown.length)])}
        </button>
      )}
      <div class="section__foot">
        <ClearHistory />
      </div>
    </section>
  );
}
