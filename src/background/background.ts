import { browser } from '../shared/browser-api';

browser.runtime.onInstalled.addListener(() => undefined);
