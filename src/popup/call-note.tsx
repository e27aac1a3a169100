// The agent's short note on a call in history: shown under the row, edited in place, saved
// by the background with the history record (and exported in the CSV).
import { useState } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import { pageReplySchema, type PageMessage } from '../platform/messages';
import { NOTE_MAX_LENGTH } from '../calls/call-note';
import { usePopup } from './popup-context';

interface CallNoteProps {
  /** The conversation's root uuid. */
  call: string;
  note: string;
  callerName: string;
}

export function CallNote({ call, note, callerName }: CallNoteProps) {
  const { t } = usePopup();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const [failed, setFailed] = useState(false);
  const fieldId = `note-${call}`;

  const save = async (): Promise<void> => {
    const message: PageMessage = { type: 'set-note', call, note: draft.slice(0, NOTE_MAX_LENGTH) };
    const reply = pageReplySchema.safeParse(await browser.runtime.sendMessage(message).catch(() => undefined));
    const ok = reply.success && reply.data.ok;
    setFailed(!ok);
    // The saved note comes back through storage; the row re-renders with it.
    if (ok) setEditing(false);
  };

  if (!editing) {
    return (
      <div class="call-note">
        {note !== '' && (
          <p class="call-note__text" data-testid="call-note-text">
            <span class="visually-hidden">{t('popupNoteHeading')}: </span>
            {note}
          </p>
        )}
        <div class="call-note__actions">
          <button
            type="button"
            class="link"
            data-testid="call-note-edit"
            aria-label={t(note === '' ? 'popupNoteAddLabel' : 'popupNoteEditLabel', [callerName])}
            onClick={() => {
              setDraft(note);
              setEditing(true);
            }}
          >
            {t(note === '' ? 'popupNoteAdd' : 'popupNoteEdit')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      class="call-note"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={fieldId}>{t('popupNoteField', [String(NOTE_MAX_LENGTH)])}</label>
      <textarea
        id={fieldId}
        data-testid="call-note-field"
        rows={2}
        maxLength={NOTE_MAX_LENGTH}
        value={draft}
        // Focus follows the agent's own click on "Add note": the field they asked for.
        autoFocus
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <div class="call-note__actions">
        <button type="submit" class="button button--primary" data-testid="call-note-save">
          {t('popupNoteSave')}
        </button>
        <button type="button" class="button" onClick={() => setEditing(false)}>
          {t('popupNoteCancel')}
        </button>
      </div>
      {failed && (
        <p class="call-note__text" role="alert">
          {t('popupNoteFailed')}
        </p>
      )}
    </form>
  );
}
