// Live calls, newest first, each with its own ticking timer.
import { CallCard } from './call-card';
import { LiveTimer } from './live-timer';
import { usePopup } from './popup-context';
import type { LiveCallView } from './view-model';

export function LiveCallList({ calls, offsetMs }: { calls: LiveCallView[]; offsetMs: number }) {
  const { t } = usePopup();
  if (calls.length === 0) return null;
  return (
    <section class="section" aria-labelledby="live-heading">
      <h2 id="live-heading">{t('popupLiveHeading')}</h2>
      <ul class="call-list">
        {calls.map((call) => (
          <li key={call.key} class={`live-call live-call--${call.phase}`} data-testid="live-call">
            <CallCard
              caller={call.caller}
              titleAs="h3"
              meta={
                <>
                  <span class="tag">{call.directionLabel}</span>
                  <span class={`state state--${call.phase}`}>{call.stateLabel}</span>
                  <LiveTimer base={call.timerBase} offsetMs={offsetMs} label={t('popupTimerLabel')} />
                </>
              }
            />
            {call.story !== '' && (
              <p class="story-line" data-testid="story-line">
                <span class="visually-hidden">{t('popupStoryLabel')}: </span>
                {call.story}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
