// The connection line. While a retry is pending it counts down on its own, like the call timers.
import { useEffect, useState } from 'preact/hooks';
import { reconnectingText, type HealthView } from './health-view';
import { usePopup } from './popup-context';

export function HealthLine({ health }: { health: HealthView }) {
  const { t } = usePopup();
  const [, setTick] = useState(0);
  const { retryAt } = health;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  const text = retryAt === null ? health.text : reconnectingText(retryAt, Date.now(), t, health.lead);
  return (
    <p class={`health health--${health.tone}`} data-testid="health">
      <span class="health__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
