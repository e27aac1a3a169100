// "To call back": callers whose missed calls nobody has returned yet, the one waiting longest
// first (docs/call-backs.md). Renders nothing at all when the list is empty.
import { useMemo } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import type { PageMessage } from '../platform/messages';
import type { CallBackEntry } from '../calls/types';
import { CallBackButton } from './call-back-button';
import { buildCallBackViews } from './call-back-view';
import { CallCard } from './call-card';
import { usePopup } from './popup-context';
import { useMinuteClock } from './use-minute-clock';
import { useRestFeatures } from '../ui/use-rest-features';

interface CallBackListProps {
  entries: readonly CallBackEntry[];
  offsetMs: number;
  languageTag: string;
  timeZone?: string | undefined;
}

function done(key: string): void {
  const message: PageMessage = { type: 'dismiss-call-back', key };
  // The list follows storage: the entry goes when the background has dropped it.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export function CallBackList({ entries, offsetMs, languageTag, timeZone }: CallBackListProps) {
  const { t } = usePopup();
  const now = useMinuteClock();
  const canCallBack = useRestFeatures().available;
  const views = useMemo(() => buildCallBackViews({ entries, now, offsetMs, languageTag, t, timeZone }), [entries, now, offsetMs, languageTag, t, timeZone]);
  if (views.length === 0) return null;
  return (
    <section class="section call-backs" aria-labelledby="call-backs-heading" data-testid="call-backs">
      <h2 id="call-backs-heading">
        {t('popupCallBacksHeading')} <span class="call-backs__count">({views.length})</span>
      </h2>
      <ul class="call-list">
        {views.map((view) => (
          <li key={view.key} class="call-back" data-testid="call-back-entry" data-number-key={view.key}>
            <CallCard
              caller={view.caller}
              titleAs="h3"
              meta={
                <>
                  <span class="call-back__attempts" data-testid="call-back-attempts">
                    {t('popupCallBackAttempts', [String(view.attempts)])}
                  </span>
                  <span class="call-back__waiting">{view.waiting}</span>
                  <span class="muted">{view.firstAt}</span>
                </>
              }
            />
            <div class="call-back__actions">
              {canCallBack && view.caller.number && <CallBackButton number={view.caller.number} />}
              <button type="button" class="button" data-testid="call-back-done" aria-label={t('popupCallBackDoneLabel', [view.caller.title])} onClick={() => done(view.key)}>
                {t('popupCallBackDone')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
