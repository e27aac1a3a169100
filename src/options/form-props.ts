// What every form section receives from the options app.
import type { Translate } from '../i18n/i18n-types';
import type { FormErrors, OptionsForm } from '../settings/settings-input';

export interface SectionProps {
  form: OptionsForm;
  update: (patch: Partial<OptionsForm>) => void;
  errors: FormErrors;
  /** Field paths set by policy (`domain`, `notifications.missed`, …): shown disabled. */
  locked: ReadonlySet<string>;
  t: Translate;
}
