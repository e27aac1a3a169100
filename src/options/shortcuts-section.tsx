// The keyboard shortcuts as the browser has them now (the agent may have changed them), read
// with commands.getAll where the browser has it. Changing them is the browser's own page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import type { Translate } from '../i18n/i18n-types';

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

type CommandsApi = { getAll(): Promise<Array<{ name?: string; description?: string; shortcut?: string }>> };

/** null: this browser cannot list them (Firefox for Android has no commands API). */
export async function readShortcuts(): Promise<Shortcut[] | null> {
  const commands = (browser as unknown as { commands?: CommandsApi }).commands;
  if (!commands) return null;
  const all = await commands.getAll();
  return all.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
}

export function ShortcutsSection({ t, read = readShortcuts }: { t: Translate; read?: () => Promise<Shortcut[] | null> }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    read().then(
      (list) => live && setShortcuts(list),
      () => live && setShortcuts(null),
    );
    return () => {
      live = false;
    };
  }, [read]);
  return (
    <section aria-labelledby="shortcuts-heading" data-testid="shortcuts">
      <h2 id="shortcuts-heading">{t('optionsShortcutsHeading')}</h2>
      {shortcuts === null && <p>{t('optionsShortcutsUnavailable')}</p>}
      {shortcuts && (
        <dl class="shortcuts">
          {shortcuts.map((s) => (
            <div key={s.name}>
              {/* _execute_action has no description of its own in Chrome. */}
              <dt>{s.name === '_execute_action' ? t('optionsShortcutOpenPopup') : s.description || s.name}</dt>
              <dd>{s.shortcut ? <kbd>{s.shortcut}</kbd> : t('optionsShortcutNotSet')}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="hint">{t('optionsShortcutsHint')}</p>
    </section>
  );
}
