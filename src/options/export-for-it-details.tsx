// The "Export for IT" fold: its heading is part of the page, its form and the policy generator
// are loaded the first time an admin opens it (use-lazy-module.ts says why).
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import type { Settings } from '../settings/settings-schema';
import { useLazyModule } from './use-lazy-module';

export interface ExportForItDetailsProps {
  settings: Settings;
  policyKey: boolean;
  t: Translate;
}

export function ExportForItDetails(props: ExportForItDetailsProps) {
  const [open, setOpen] = useState(false);
  const panel = useLazyModule(() => import('./export-for-it-section'), open);
  return (
    <details class="export-for-it" data-testid="export-for-it" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>{props.t('optionsExportHeading')}</h2>
      </summary>
      {open && panel && <panel.ExportForItSection {...props} />}
    </details>
  );
}
