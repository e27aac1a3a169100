// "Export CSV": the history as a file the agent opens in a spreadsheet. Built in the page and
// handed to the browser as a Blob URL on an <a download>, so no "downloads" permission is needed.
import { historyCsv } from '../calls/history-csv';
import type { CallRecord } from '../calls/types';
import { usePopup } from './popup-context';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local "YYYY-MM-DD HH:MM:SS": every spreadsheet reads it as a date and time in the agent's zone. */
export function localStamp(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function downloadHistory(history: readonly CallRecord[]): void {
  const blob = new Blob([historyCsv(history, { formatTime: localStamp })], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `callpop-history-${localStamp(Date.now()).slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportHistory({ history }: { history: readonly CallRecord[] }) {
  const { t } = usePopup();
  return (
    <button type="button" class="link" disabled={history.length === 0} onClick={() => downloadHistory(history)}>
      {t('popupExportCsv')}
    </button>
  );
}
