// The two files a self-hosting company serves beside its packages: Chrome's update manifest
// (the "gupdate" XML its extension updater polls) and Firefox's updates.json.
// https://developer.chrome.com/docs/extensions/how-to/distribute/host-on-linux
// https://extensionworkshop.com/documentation/manage/updating-your-extension/

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const escapeXml = (text: string): string => text.replace(/[&<>'"]/g, (c) => XML_ESCAPES[c]!);

export function chromeUpdateXml(app: { id: string; version: string; crxUrl: string }): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escapeXml(app.id)}'>`,
    `    <updatecheck codebase='${escapeXml(app.crxUrl)}' version='${escapeXml(app.version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** `update_hash` is left out: it must be the hash of the XPI after Mozilla signed it, which this tool never sees. */
export function firefoxUpdatesJson(addon: { geckoId: string; version: string; xpiUrl: string; strictMinVersion?: string }): string {
  const update = {
    version: addon.version,
    update_link: addon.xpiUrl,
    ...(addon.strictMinVersion ? { applications: { gecko: { strict_min_version: addon.strictMinVersion } } } : {}),
  };
  return `${JSON.stringify({ addons: { [addon.geckoId]: { updates: [update] } } }, null, 2)}\n`;
}

/** `base` + `file`, whether or not the base ends with a slash. Only http(s) bases make sense to a browser. */
export function urlInFolder(base: string, file: string): string {
  const url = new URL(base.endsWith('/') ? base : `${base}/`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--self-hosted needs an http(s) address, got ${url.protocol}`);
  return new URL(encodeURIComponent(file), url).href;
}
