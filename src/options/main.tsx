// Options page entry: mounts the app, nothing else.
import '../platform/zod-config';
import { render } from 'preact';
import { OptionsApp } from './options-app';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
