// A line under the connection when the browser's storage was full and the oldest calls had to go
// (the agent wonders why yesterday's calls are missing). Shown for a day after it happened.
import { useEffect, useState } from 'preact/hooks';
import { storageTrimItem, type StorageTrim } from '../storage/items';
import { storageTrimWords } from '../ui/storage-trim-words';
import { usePopup } from './popup-context';

const SHOWN_FOR_MS = 24 * 60 * 60_000;

export function StorageNotice({ formatTime }: { formatTime: (ms: number) => string }) {
  const { t } = usePopup();
  const [trim, setTrim] = useState<StorageTrim | null>(null);
  useEffect(() => {
    const stop = storageTrimItem.watch(setTrim);
    storageTrimItem.get().then(setTrim, () => undefined);
    return stop;
  }, []);
  if (!trim || trim.reason !== 'quota' || Date.now() - trim.at > SHOWN_FOR_MS) return null;
  return (
    <p class="health health--pending" data-testid="storage-notice">
      {storageTrimWords(trim, t, formatTime)}
    </p>
  );
}
