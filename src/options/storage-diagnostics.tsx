// What the storage layer had to set aside or leave out: records that no longer parse (kept in the
// quarantine until the next update) and the oldest calls dropped to fit the space.
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import { quarantineItem, type Quarantine } from '../storage/quarantine';
import { storageTrimItem, type StorageTrim } from '../storage/items';
import { storageTrimWords } from '../ui/storage-trim-words';

export function StorageDiagnostics({ t, formatTime }: { t: Translate; formatTime: (ms: number) => string }) {
  const [quarantine, setQuarantine] = useState<Quarantine | null>(null);
  const [trim, setTrim] = useState<StorageTrim | null>(null);
  useEffect(() => {
    const stops = [quarantineItem.watch(setQuarantine), storageTrimItem.watch(setTrim)];
    quarantineItem.get().then(setQuarantine, () => undefined);
    storageTrimItem.get().then(setTrim, () => undefined);
    return () => stops.forEach((stop) => stop());
  }, []);
  return (
    <dl class="facts" data-testid="storage-diagnostics">
      <dt>{t('optionsDiagSetAside')}</dt>
      <dd>{quarantine && quarantine.total > 0 ? t('optionsDiagSetAsideCount', [String(quarantine.total)]) : t('optionsDiagNone')}</dd>
      <dt>{t('optionsDiagTrimmed')}</dt>
      <dd>{trim ? storageTrimWords(trim, t, formatTime) : t('optionsDiagNone')}</dd>
    </dl>
  );
}
