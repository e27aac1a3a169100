// History size and UI language.
import type { Settings } from '../settings/settings-schema';
import { HISTORY_LIMIT_MAX, HISTORY_LIMIT_MIN } from '../settings/settings-input';
import type { SectionProps } from './form-props';
import { FieldFrame } from './field-frame';
import { TextField } from './text-field';

const LANGUAGES: Array<[Settings['language'], string]> = [
  ['browser', 'optionsLanguageBrowser'],
  ['uk', 'optionsLanguageUk'],
  ['en', 'optionsLanguageEn'],
];

export function GeneralSection({ form, update, errors, locked, t }: SectionProps) {
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">{t('optionsGeneralHeading')}</h2>
      <TextField form={form} update={update} errors={errors} locked={locked} t={t} name="historyLimit" label={t('optionsHistoryLabel')} type="number" min={HISTORY_LIMIT_MIN} max={HISTORY_LIMIT_MAX} />
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
