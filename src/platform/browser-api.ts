// The one place the browser API is imported. webextension-polyfill's upstream calls it finished
// (Chrome has the `browser` namespace), so keeping every use behind this module lets it go later.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Storage, Notifications, Tabs, Alarms, Menus } from 'webextension-polyfill';
