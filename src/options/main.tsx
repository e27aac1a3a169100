import { render } from 'preact';
import { browser } from '../shared/browser-api';

render(<main data-testid="options-root">{browser.i18n.getMessage('extName')}</main>, document.getElementById('app')!);
