// The popup: reads stored state on open, follows storage changes, and renders the view model.
// Strings and browser actions come in as props so tests render it with a plain catalog.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { INITIAL_HEALTH } from '../connection/health';
import { createInitialState } from '../calls/initial-state';
import type { Translate } from '../i18n/i18n-types';
import { CallBackList } from './call-back-list';
import { DndToggle } from './dnd-toggle';
import { AllowCalling } from './allow-calling';
import { EmptyState } from './empty-state';
import { ExportHistory } from './export-history';
import { Header } from './header';
import { StorageNotice } from './storage-notice';
import { formatWhen } from './format';
import { LiveCallList } from './live-call-list';
import type { PopupActions } from './page-actions';
import { PopupContext } from './popup-context';
import { readFirstPaint, readLists, watchPopupData, type PopupData } from './popup-storage';
import { RECENT_PAGE_SIZE, RECENT_ROWS_PER_FRAME, RecentList } from './recent-list';
import { useRingingAnnouncement } from './use-ringing-announcement';
import { useSeenMissed } from './use-seen-missed';
import { buildPopupView } from './view-model';

export interface AppProps {
  t: Translate;
  /** BCP 47 tag for Intl (dates, durations). */
  languageTag: string;
  actions: PopupActions;
  /** For tests; the user's own zone otherwise. */
  timeZone?: string;
}

export function App({ t, languageTag, actions, timeZone }: AppProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [missedOnly, setMissedOnly] = useState(false);
  const [query, setQuery] = useState('');
  /** Recent rows built and rendered: pages of RECENT_PAGE_SIZE behind "Show more". */
  const [recentLimit, setRecentLimit] = useState(RECENT_PAGE_SIZE);
  /** Rows "Show more" asked for; the list grows toward it a few rows a frame. */
  const [recentTarget, setRecentTarget] = useState(RECENT_PAGE_SIZE);
  useEffect(() => {
    if (recentLimit >= recentTarget) return;
    // Fifty rows at once was a long task (over 50 ms) on a 2-core laptop; ten a frame are not,
    // and the page is complete within five frames.
    const frame = requestAnimationFrame(() => setRecentLimit((limit) => Math.min(recentTarget, limit + RECENT_ROWS_PER_FRAME)));
    return () => cancelAnimationFrame(frame);
  }, [recentLimit, recentTarget]);
  const context = useMemo(() => ({ t, actions }), [t, actions]);

  useEffect(() => {
    let live = true;
    // Changes that land while the first read is in flight are applied on top of it.
    let pending: Partial<PopupData> = {};
    const stop = watchPopupData((patch) => {
      pending = { ...pending, ...patch };
      setData((current) => (current ? { ...current, ...patch } : current));
    });
    // Storage unreadable: show the page empty rather than a spinner forever.
    const empty: PopupData = { state: createInitialState(), history: [], health: INITIAL_HEALTH, callBacks: [] };
    const readHistoryLater = () => {
      // After the first paint: the live call is on screen before thousands of calls are parsed.
      requestAnimationFrame(() =>
        setTimeout(() => {
          readLists()
            .then(
              (lists) => live && setData((current) => ({ ...(current ?? empty), ...lists, ...pending })),
              () => live && setData((current) => ({ ...(current ?? empty), history: [], ...pending })),
            )
            // Only now: the message wakes the background, whose own read of the history would
            // compete with this page's first paint for the same two cores.
            .finally(() => live && actions.markMissedSeen());
        }, 0),
      );
    };
    readFirstPaint().then(
      (first) => {
        if (live) setData({ ...empty, history: null, ...first, ...pending });
        readHistoryLater();
      },
      () => {
        if (live) setData({ ...empty, ...pending });
        actions.markMissedSeen();
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, [actions]);

  const history = useSeenMissed(data?.history ?? null, actions);
  const view = useMemo(
    () =>
      data
        ? buildPopupView({ ...data, history: history ?? [], historyLoaded: history !== null, health: data.health, now: Date.now(), languageTag, t, missedOnly, query, timeZone, recentLimit })
        : null,
    [data, history, languageTag, t, missedOnly, query, timeZone, recentLimit],
  );
  const announcement = useRingingAnnouncement(view?.live ?? null, t);

  return (
    <PopupContext.Provider value={context}>
      <main class="popup" data-testid="popup-root" aria-busy={view && data?.history ? 'false' : 'true'}>
        {view && (
          <>
            <Header view={view} />
            <StorageNotice formatTime={(ms) => formatWhen(ms, Date.now(), languageTag, { timeZone })} />
            <DndToggle languageTag={languageTag} timeZone={timeZone} />
            {view.empty && <EmptyState kind={view.empty} />}
            <LiveCallList calls={view.live} offsetMs={view.clockOffsetMs} />
            {data && <CallBackList entries={data.callBacks} offsetMs={view.clockOffsetMs} languageTag={languageTag} timeZone={timeZone} />}
            <RecentList
              calls={view.recent}
              matching={view.recentMatching}
              onShowMore={() => setRecentTarget(Math.max(recentTarget, recentLimit) + RECENT_PAGE_SIZE)}
              historyCount={view.historyCount}
              missedOnly={missedOnly}
              onMissedOnlyChange={setMissedOnly}
              query={query}
              onQueryChange={setQuery}
            />
          </>
        )}
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
          {announcement}
        </p>
        <AllowCalling />
        <footer class="footer" data-testid="popup-footer">
          <button type="button" class="link" onClick={actions.openOptions}>
            {t('popupFooterOptions')}
          </button>
          {data?.history && <ExportHistory history={data.history} />}
        </footer>
      </main>
    </PopupContext.Provider>
  );
}
