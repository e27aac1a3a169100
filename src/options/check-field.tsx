// One on/off setting: the checkbox, its label, and the "set by your administrator" note.
import type { Translate } from '../i18n/i18n-types';
import { LockedNote } from './field-frame';

export interface CheckFieldProps {
  id: string;
  label: string;
  checked: boolean;
  locked: boolean;
  /** Disabled for another reason than a policy (no note shown). */
  inactive?: boolean;
  onChange: (checked: boolean) => void;
  t: Translate;
}

export function CheckField({ id, label, checked, locked, inactive = false, onChange, t }: CheckFieldProps) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} disabled={locked || inactive} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
      {locked && <LockedNote t={t} />}
    </div>
  );
}
