// What every form section receives from the options app.
import type { Translate } from '../shared/i18n-types';
import type { FormErrors, OptionsForm } from '../shared/settings-input';

export interface SectionProps {
  form: OptionsForm;
  update: (patch: Partial<OptionsForm>) => void;
  errors: FormErrors;
  /** Field paths set by policy (`domain`, `notifications.missed`, …): shown disabled. */
  locked: ReadonlySet<string>;
  t: Translate;
}
