// "Copy number" with a visible confirmation, announced politely to screen readers.
import { useEffect, useState } from 'preact/hooks';
import { usePopup } from './popup-context';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyNumberButton({ number }: { number: string }) {
  const { t, actions } = usePopup();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = (): void => {
    actions.copyNumber(number).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" class="button" onClick={copy}>
        {t('popupCopyNumber')}
      </button>
      <span class={`copy-status copy-status--${state}`} role="status">
        {state === 'copied' ? t('popupCopied') : state === 'failed' ? t('popupCopyFailed') : ''}
      </span>
    </>
  );
}
