// History size and UI language.
import type { Settings } from '../settings/settings-schema';
import { HISTORY_LIMIT_MAX, HISTORY_LIMIT_MIN } from '../settings/settings-input';
import type { SectionProps } from './form-props';
import { FieldFrame } from './field-frame';

const LANGUAGES: Array<[Settings['language'], string]> = [
  ['browser', 'optionsLanguageBrowser'],
  ['uk', 'optionsLanguageUk'],
  ['en', 'optionsLanguageEn'],
];

export function GeneralSection({ form, update, errors, locked, t }: SectionProps) {
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">{t('optionsGeneralHeading')}</h2>
      <FieldFrame id="historyLimit" label={t('optionsHistoryLabel')} error={errors.historyLimit} locked={locked.has('historyLimit')} t={t}>
        {(describedBy, invalid) => (
          <input
            id="historyLimit"
            type="number"
            min={HISTORY_LIMIT_MIN}
            max={HISTORY_LIMIT_MAX}
            step={1}
            value={form.historyLimit}
            disabled={locked.has('historyLimit')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => update({ historyLimit: e.currentTarget.value })}
          />
        )}
      </FieldFrame>
      <FieldFrame id="language" label={t('optionsLanguageLabel')} locked={locked.has('language')} t={t}>
        {() => (
          <select
            id="language"
            value={form.language}
            disabled={locked.has('language')}
            onChange={(e) => update({ language: LANGUAGES.find(([v]) => v === e.currentTarget.value)?.[0] ?? 'browser' })}
          >
            {LANGUAGES.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    </section>
  );
}
