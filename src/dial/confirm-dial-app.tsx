// "Call +…?" before a number a page handed us is dialled (issue 16, finding 4). It shows the
// exact number the background stored (a tel: link's target, not its text) and dials only on
// "Call". Cancel has the focus, so an Enter meant for the page the agent was typing in when this
// window came up dials nothing; Escape cancels too; Shift+Tab reaches "Call".
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import { pageReplySchema, type PageMessage } from '../platform/messages';
import { restErrorMessageKey, type RestErrorKind } from '../rest/rest-errors';

/** How long "Calling…" stays before the window closes itself. */
export const CLOSE_AFTER_CALL_MS = 1500;

type Step =
  | { kind: 'loading' }
  | { kind: 'expired' }
  | { kind: 'ready'; number: string }
  | { kind: 'calling'; number: string }
  | { kind: 'called'; number: string }
  | { kind: 'failed'; number: string; words: string; error: string };

export interface ConfirmDialProps {
  token: string;
  t: Translate;
  send: (message: PageMessage) => Promise<unknown>;
  closeWindow: () => void;
}

export function ConfirmDialApp({ token, t, send, closeWindow }: ConfirmDialProps) {
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ask = async (message: PageMessage) => {
    const reply = pageReplySchema.safeParse(await send(message).catch(() => undefined));
    return reply.success ? reply.data : null;
  };

  useEffect(() => {
    void ask({ type: 'dial-pending', token }).then((reply) => setStep(reply?.ok && reply.number ? { kind: 'ready', number: reply.number } : { kind: 'expired' }));
  }, [token]);
  useEffect(() => {
    if (step.kind === 'ready') cancelRef.current?.focus();
  }, [step.kind]);

  const cancel = async () => {
    await ask({ type: 'dial-cancel', token });
    closeWindow();
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void (step.kind === 'ready' ? cancel() : closeWindow());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const call = async (number: string) => {
    setStep({ kind: 'calling', number });
    const reply = await ask({ type: 'dial-confirm', token });
    if (reply?.ok) {
      setStep({ kind: 'called', number });
      setTimeout(closeWindow, CLOSE_AFTER_CALL_MS);
      return;
    }
    const error = reply?.error ?? 'network';
    const words = error === 'expired' ? t('confirmDialExpired') : t(restErrorMessageKey(error as RestErrorKind)) || t('restError_network');
    setStep({ kind: 'failed', number, words, error });
  };

  return (
    <main data-testid="confirm-dial" data-step={step.kind} aria-busy={step.kind === 'loading' || step.kind === 'calling'}>
      <h1>{t('confirmDialTitle')}</h1>
      {step.kind === 'expired' && <p role="alert">{t('confirmDialExpired')}</p>}
      {step.kind !== 'loading' && step.kind !== 'expired' && (
        <>
          <p class="explain">{t('confirmDialExplain')}</p>
          <p class="number" dir="ltr" data-testid="dial-number">
            {step.number}
          </p>
        </>
      )}
      {step.kind === 'ready' && (
        <div class="actions">
          <button type="button" class="primary" data-testid="dial-call" onClick={() => void call(step.number)}>
            {t('confirmDialCall', [step.number])}
          </button>
          <button type="button" ref={cancelRef} data-testid="dial-cancel" onClick={() => void cancel()}>
            {t('confirmDialCancel')}
          </button>
        </div>
      )}
      <p role="status" data-testid="dial-status" data-outcome={step.kind === 'called' ? 'ok' : step.kind === 'failed' ? step.error : undefined}>
        {step.kind === 'called' || step.kind === 'calling' ? t('confirmDialCalling', [step.number]) : step.kind === 'failed' ? t('confirmDialFailed', [step.words]) : ''}
      </p>
      {(step.kind === 'failed' || step.kind === 'expired') && (
        <button type="button" onClick={closeWindow}>
          {t('confirmDialClose')}
        </button>
      )}
    </main>
  );
}
