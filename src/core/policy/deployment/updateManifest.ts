/**
 * The update manifest (gupdate XML) Chrome and Edge fetch from a self-hosted `update_url`: one
 * app, the version on offer and where its CRX is. `prodversionmin` keeps browsers older than the
 * extension's minimum from downloading a package they would refuse.
 */
export function updateManifestXml(extension: { id: string; version: string; crxUrl: string; minimumBrowserVersion?: string }): string {
  const min = extension.minimumBrowserVersion !== undefined ? ` prodversionmin="${escapeXml(extension.minimumBrowserVersion)}"` : '';
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escapeXml(extension.id)}'>`,
    `    <updatecheck codebase='${escapeXml(extension.crxUrl)}' version='${escapeXml(extension.version)}'${min.replaceAll('"', "'")} />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}
