// Do not disturb on this machine: "for 1 hour" or "until I turn it off", and "Turn off".
// Writes storage.local only; the background silences pop-ups and sound and shows DND on the badge.
import { useEffect, useState } from 'preact/hooks';
import { dndActive, dndFor, type DndSetting } from '../calls/do-not-disturb';
import { readDnd, watchDnd, writeDnd } from './dnd-store';
import { usePopup } from './popup-context';

export function DndToggle({ languageTag, timeZone }: { languageTag: string; timeZone?: string | undefined }) {
  const { t } = usePopup();
  const [setting, setSetting] = useState<DndSetting | null>(null);
  useEffect(() => {
    let live = true;
    const stop = watchDnd((next) => live && setSetting(next));
    readDnd().then(
      (read) => live && setSetting(read),
      () => undefined, // unreadable storage: shown as off, which it effectively is
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const save = (next: DndSetting | null) => {
    setSetting(next);
    writeDnd(next).catch(() => undefined);
  };

  if (setting && dndActive(setting, Date.now())) {
    const until =
      setting.until === null
        ? t('popupDndOnIndefinite')
        : t('popupDndOnUntil', [new Intl.DateTimeFormat(languageTag, { hour: '2-digit', minute: '2-digit', timeZone }).format(setting.until)]);
    return (
      <section class="dnd dnd--on" aria-label={t('popupDndLabel')} data-testid="dnd">
        <p class="dnd__state" role="status">
          {until}
        </p>
        <button type="button" class="button" onClick={() => save(null)}>
          {t('popupDndOff')}
        </button>
      </section>
    );
  }
  // One compact row: the live call below is what the agent opened the popup for. The explanation
  // is the buttons' description (and tooltip) rather than a paragraph pushing the calls down.
  return (
    <section class="dnd" aria-labelledby="dnd-label" data-testid="dnd" title={t('popupDndHint')}>
      <div class="dnd__row">
        <span id="dnd-label">{t('popupDndLabel')}</span>
        <button type="button" class="button" aria-describedby="dnd-hint" onClick={() => save(dndFor('hour', Date.now()))}>
          {t('popupDndHour')}
        </button>
        <button type="button" class="button" aria-describedby="dnd-hint" onClick={() => save(dndFor('indefinite', Date.now()))}>
          {t('popupDndIndefinite')}
        </button>
      </div>
      <p id="dnd-hint" class="visually-hidden">
        {t('popupDndHint')}
      </p>
    </section>
  );
}
