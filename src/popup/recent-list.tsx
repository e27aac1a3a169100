// Recent calls, newest first. Rendered in pages of 50 behind a "Show more" button: 500 rows
// at once would delay the popup's first useful paint, and a button works from the keyboard.
// The rows of the page only are built (view-model.ts); the filter and the export cover all.
// A row already on screen keeps its view object, and RecentRow skips it: "Show more" renders
// the page it adds, not the whole list again.
import { RecentRow } from './recent-row';
import { RecentSearch } from './recent-search-box';
import { ClearHistory } from './clear-history';
import { usePopup } from './popup-context';
import type { RecentCallView } from './view-model';
import { useRestFeatures } from '../ui/use-rest-features';

export const RECENT_PAGE_SIZE = 50;
/** How many of a page's rows are added per animation frame after "Show more". */
export const RECENT_ROWS_PER_FRAME = 10;

interface RecentListProps {
  /** The rows to show (a page or a few). */
  calls: RecentCallView[];
  /** Conversations matching the filter, shown or not. */
  matching: number;
  onShowMore: () => void;
  historyCount: number;
  missedOnly: boolean;
  onMissedOnlyChange: (value: boolean) => void;
  query: string;
  onQueryChange: (value: string) => void;
}

export function RecentList({ calls, matching, onShowMore, historyCount, missedOnly, onMissedOnlyChange, query, onQueryChange }: RecentListProps) {
  const { t } = usePopup();
  // Call back shows only while the PBX origin is allowed and its REST API answers as documented.
  const canCallBack = useRestFeatures().available;
  if (historyCount === 0) return null;
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
      {matching === 0 && <p class="empty">{t(query.trim() !== '' ? 'popupSearchNoMatch' : 'popupEmptyNoMissed')}</p>}
      <ul class="call-list">
        {calls.map((call) => (
          <RecentRow key={call.key} call={call} canCallBack={canCallBack} />
        ))}
      </ul>
      {matching > calls.length && (
        <button type="button" class="button button--wide" data-testid="show-more" onClick={onShowMore}>
          {t('popupShowMore', [String(matching - calls.length)])}
        </button>
      )}
      <div class="section__foot">
        <ClearHistory />
      </div>
    </section>
  );
}
