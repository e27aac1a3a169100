// One row of recent calls. Memoized on its view object: the view model keeps a row's object
// while nothing it shows has changed, so pages already on screen are not rendered again when
// "Show more" adds one (with 1,000 rows that re-render was a long task on every press).
import { Component } from 'preact';
import { CallBackButton } from './call-back-button';
import { CallCard } from './call-card';
import { CallNote } from './call-note';
import { usePopup } from './popup-context';
import type { RecentCallView } from './view-model';

interface RecentRowProps {
  call: RecentCallView;
  canCallBack: boolean;
}

function RecentRowView({ call, canCallBack }: RecentRowProps) {
  const { t } = usePopup();
  return (
    <li class={`recent-call recent-call--${call.outcome}`} data-testid="recent-call">
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
  );
}

/** preact/compat's memo would bring compat into the popup's bundle; this is the one check it needs. */
export class RecentRow extends Component<RecentRowProps> {
  override shouldComponentUpdate(next: RecentRowProps): boolean {
    return next.call !== this.props.call || next.canCallBack !== this.props.canCallBack;
  }

  override render() {
    return <RecentRowView {...this.props} />;
  }
}
