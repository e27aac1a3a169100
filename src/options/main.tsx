// Options page entry: mounts the app, nothing else.
import { render } from 'preact';
import { OptionsApp } from './options-app';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
