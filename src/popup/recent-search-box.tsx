// The search box above recent calls. Filtering happens in the view model (recent-search.ts).
import { usePopup } from './popup-context';

export function RecentSearch({ query, onQueryChange }: { query: string; onQueryChange: (value: string) => void }) {
  const { t } = usePopup();
  return (
    <label class="recent-search">
      <span>{t('popupSearchLabel')}</span>
      <input
        type="search"
        data-testid="recent-search"
        value={query}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        onInput={(event) => onQueryChange(event.currentTarget.value)}
      />
    </label>
  );
}
