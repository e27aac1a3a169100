// "Call back": the PBX rings the agent's own phone, then dials the client. The popup says that
// it is happening, and any failure in words, in a polite live region.
import { useState } from 'preact/hooks';
import { restErrorMessageKey } from '../rest/rest-errors';
import { usePopup } from './popup-context';

type CallState = { state: 'idle' } | { state: 'calling' } | { state: 'failed'; words: string };

export function CallBackButton({ number }: { number: string }) {
  const { t, actions } = usePopup();
  const [call, setCall] = useState<CallState>({ state: 'idle' });
  const onClick = async () => {
    setCall({ state: 'calling' });
    const kind = await actions.callBack(number);
    if (kind === null) return; // stays "Calling…": the agent's phone rings now
    setCall({ state: 'failed', words: t(restErrorMessageKey(kind)) || t('restError_network') });
  };
  return (
    <>
      <button type="button" class="button" data-testid="call-back" aria-label={t('popupCallBackLabel', [number])} disabled={call.state === 'calling'} onClick={() => void onClick()}>
        {t('popupCallBack')}
      </button>
      <span class={`call-back-status call-back-status--${call.state}`} role="status" data-testid="call-back-status">
        {call.state === 'calling' ? t('popupCalling', [number]) : call.state === 'failed' ? t('popupCallFailed', [call.words]) : ''}
      </span>
    </>
  );
}
