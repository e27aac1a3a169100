// Asks for host access to the PBX origin, on the agent's click only: call back, calling from
// pages and catch-up after a gap need the PBX's REST API, and nothing else needs any site.
import { useState } from 'preact/hooks';
import { usePopup } from './popup-context';
import { useRestFeatures } from '../ui/use-rest-features';

export function AllowCalling() {
  const { t } = usePopup();
  const features = useRestFeatures();
  const [denied, setDenied] = useState(false);
  if (features.pattern === null || features.permitted !== false) return null;
  const origin = features.pattern.replace(/\/\*$/, '');
  return (
    <section class="section allow-calling" data-testid="allow-calling">
      <p class="muted">{t('permissionWhy', [origin])}</p>
      <button type="button" class="button" data-testid="allow-calling-button" onClick={() => void features.requestPermission().then((granted) => setDenied(!granted))}>
        {t('permissionAllowButton')}
      </button>
      <p role="status">{denied ? t('permissionDenied') : ''}</p>
    </section>
  );
}
