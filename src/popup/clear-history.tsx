// "Clear history" asks first, inline: a stray click must not wipe the agent's call log.
import { useEffect, useRef, useState } from 'preact/hooks';
import { usePopup } from './popup-context';

export function ClearHistory() {
  const { t, actions } = usePopup();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the step: to the safe choice when asked, back to the trigger when cancelled.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) clearRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" class="button" ref={clearRef} onClick={() => setConfirming(true)}>
        {t('popupClearHistory')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="clear-confirm-text">
      <p id="clear-confirm-text">{t('popupClearConfirm')}</p>
      <button
        type="button"
        class="button button--danger"
        onClick={() => {
          actions.clearHistory();
          setConfirming(false);
        }}
      >
        {t('popupClearConfirmYes')}
      </button>
      <button type="button" class="button" ref={cancelRef} onClick={() => setConfirming(false)}>
        {t('popupCancel')}
      </button>
    </div>
  );
}
