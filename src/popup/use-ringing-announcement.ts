// Screen readers hear about a call that starts ringing while the popup is open. Calls already
// ringing when it opens are on screen; announcing them again would talk over the page itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import type { LiveCallView } from './view-model';

export function useRingingAnnouncement(live: LiveCallView[] | null, t: Translate): string {
  const known = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!live) return;
    const ringing = live.filter((call) => call.phase === 'ringing' && call.direction !== 'outgoing');
    if (known.current) {
      const fresh = ringing.filter((call) => !known.current?.has(call.key));
      if (fresh.length > 0) setText(fresh.map((call) => t('popupAnnounceRinging', [call.caller.title])).join(' '));
    }
    known.current = new Set([...(known.current ?? []), ...ringing.map((call) => call.key)]);
  }, [live, t]);
  return text;
}
