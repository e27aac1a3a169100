// The popup: reads stored state on open, follows storage changes, and renders the view model.
// Strings and browser actions come in as props so tests render it with a plain catalog.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { INITIAL_HEALTH } from '../shared/health';
import type { Translate } from '../shared/i18n-types';
import { CallBackList } from './call-back-list';
import { DndToggle } from './dnd-toggle';
import { AllowCalling } from './allow-calling';
import { EmptyState } from './empty-state';
import { ExportHistory } from './export-history';
import { Header } from './header';
import { LiveCallList } from './live-call-list';
import type { PopupActions } from './page-actions';
import { EMPTY_CALLS_STATE } from './parse-stored';
import { PopupContext } from './popup-context';
import { readPopupData, watchPopupData, type PopupData } from './popup-storage';
import { RecentList } from './recent-list';
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
  const context = useMemo(() => ({ t, actions }), [t, actions]);

  useEffect(() => {
    let live = true;
    // Changes that land while the first read is in flight are applied on top of it.
    let pending: Partial<PopupData> = {};
    const stop = watchPopupData((patch) => {
      pending = { ...pending, ...patch };
      setData((current) => (current ? { ...current, ...patch } : current));
    });
    readPopupData().then(
      (read) => live && setData({ ...read, ...pending }),
      // Storage unreadable: show the page empty rather than a spinner forever.
      () => live && setData({ state: EMPTY_CALLS_STATE, history: [], health: INITIAL_HEALTH, callBacks: [], ...pending }),
    );
    actions.markMissedSeen();
    return () => {
      live = false;
      stop();
    };
  }, [actions]);

  const history = useSeenMissed(data?.history ?? null, actions);
  const view = useMemo(
    () =>
      data && history
        ? buildPopupView({ ...data, history, health: data.health, now: Date.now(), languageTag, t, missedOnly, query, timeZone })
        : null,
    [data, history, languageTag, t, missedOnly, query, timeZone],
  );
  const announcement = useRingingAnnouncement(view?.live ?? null, t);

  return (
    <PopupContext.Provider value={context}>
      <main class="popup" data-testid="popup-root" aria-busy={view ? 'false' : 'true'}>
        {view && (
          <>
            <Header view={view} />
            <DndToggle languageTag={languageTag} timeZone={timeZone} />
            {view.empty && <EmptyState kind={view.empty} />}
            <LiveCallList calls={view.live} offsetMs={view.clockOffsetMs} />
            {data && <CallBackList entries={data.callBacks} offsetMs={view.clockOffsetMs} languageTag={languageTag} timeZone={timeZone} />}
            <RecentList
              calls={view.recent}
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
          {data && <ExportHistory history={data.history} />}
        </footer>
      </main>
    </PopupContext.Provider>
  );
}
