// Label, hint, inline error and the "set by your administrator" note around one control, wired
// with aria-describedby so a screen reader reads the error with the field.
import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/i18n-types';
import type { FieldError } from '../settings/settings-input';

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError | undefined;
  locked?: boolean;
  t: Translate;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

export function FieldFrame({ id, label, hint, error, locked, t, children }: FieldFrameProps) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', locked ? `${id}-locked` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children(ids || undefined, Boolean(error))}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {locked && <LockedNote id={`${id}-locked`} t={t} />}
      {error && (
        <p class="error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
          {t(error.key, error.args)}
        </p>
      )}
    </div>
  );
}

export function LockedNote({ id, t }: { id?: string; t: Translate }) {
  return (
    <p class="locked" id={id}>
      {t('optionsLocked')}
    </p>
  );
}
