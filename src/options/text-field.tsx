// One typed-in setting (domain, key, subscriber, URL template, history size, CRM allow-list):
// the control inside its FieldFrame, its value, error, lock and aria wiring all read from the
// form by the field's name, so a section lists its fields instead of repeating this block.
import type { ComponentChildren } from 'preact';
import type { FormField } from '../settings/settings-input';
import type { SectionProps } from './form-props';
import { FieldFrame } from './field-frame';

export interface TextFieldProps extends SectionProps {
  name: FormField;
  label: string;
  hint?: string;
  /** The input's kind; `rows` makes it a textarea. */
  type?: 'text' | 'number' | 'password';
  rows?: number;
  inputMode?: 'url';
  min?: number;
  max?: number;
  placeholder?: string | undefined;
  /** A control beside the input (the key's show/hide toggle), both wrapped in `wrapClass`. */
  after?: ComponentChildren;
  wrapClass?: string;
}

export function TextField({ name, label, hint, type = 'text', rows, inputMode, min, max, placeholder, after, wrapClass, form, update, errors, locked, t }: TextFieldProps) {
  const disabled = locked.has(name);
  return (
    <FieldFrame id={name} label={label} hint={hint} error={errors[name]} locked={disabled} t={t}>
      {(describedBy, invalid) => {
        const shared = {
          id: name,
          spellcheck: false,
          value: form[name],
          disabled,
          'aria-describedby': describedBy,
          'aria-invalid': invalid,
        };
        const control =
          rows !== undefined ? (
            <textarea {...shared} rows={rows} onInput={(e) => update({ [name]: e.currentTarget.value })} />
          ) : (
            <input
              {...shared}
              type={type}
              inputMode={inputMode}
              autoComplete="off"
              min={min}
              max={max}
              step={type === 'number' ? 1 : undefined}
              placeholder={placeholder}
              onInput={(e) => update({ [name]: e.currentTarget.value })}
            />
          );
        return after === undefined ? (
          control
        ) : (
          <div class={wrapClass}>
            {control}
            {after}
          </div>
        );
      }}
    </FieldFrame>
  );
}
