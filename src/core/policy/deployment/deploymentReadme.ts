import type { BrowserPolicy } from './browserPolicies.ts';
import { STORE_UPDATE_URL, updateUrlOf, type DeploymentFile, type DeploymentTarget } from './deploymentTarget.ts';

/** README.txt for the export directory: where each file goes, and what every browser setting in it does. */
export function deploymentReadme(target: DeploymentTarget, files: readonly DeploymentFile[], browser: readonly BrowserPolicy[]): DeploymentFile {
  const browserName = target.browser === 'chrome' ? 'Google Chrome' : 'Microsoft Edge';
  const selfHosted = updateUrlOf(target) !== STORE_UPDATE_URL[target.browser];
  const lines = [
    `Connect Shield managed policy — ${browserName} on ${osName(target)}`,
    `Extension id: ${target.extensionId}`,
    '',
    'Files:',
    ...files.map((file) => `  ${file.name}`),
    '',
    ...instructions(target, files),
    '',
    'The extension policy carries an "integrity" value: a digest of the policy as exported. The',
    'extension recomputes it over what the browser delivered and refuses the policy as a whole when',
    'a value was dropped (the browser drops values that do not fit the extension schema) or edited',
    'by hand. Change the policy file and export again; never edit the exported values.',
    '',
    'Browser settings written:',
    ...browser.flatMap((entry) => [`  ${entry.name} = ${JSON.stringify(entry.value)}`, ...wrap(entry.why, '      ')]),
    '',
    'Installation:',
    selfHosted
      ? `  The extension is installed from your own update manifest, ${updateUrlOf(target)} (written by the package command).`
      : `  The extension is installed from the store (update URL ${STORE_UPDATE_URL[target.browser]}); it must be published there under this id.`,
    ...(selfHosted
      ? [
          '  Windows and macOS install extensions from outside the store only on managed machines: joined to an',
          '  Active Directory or Entra ID domain, or enrolled in MDM (macOS) / Chrome Browser Cloud Management.',
          '  Elsewhere publish to the Chrome Web Store (unlisted) or Edge Add-ons and export without --update-url.',
        ]
      : []),
    '',
    'The Connect instance must also list this extension as an approved origin:',
    `  chrome-extension://${target.extensionId}`,
    '',
    'Check what the browser received: open chrome://policy (edge://policy), tick "Show policies with no',
    'value set", and find Connect Shield under the extension policies. The options page of the',
    'extension says "Set by your organization" for every setting the policy decides.',
    '',
  ];
  return { name: 'README.txt', content: lines.join('\n'), encoding: 'utf8' };
}

function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + word.length + 1 > width) {
      lines.push(`${indent}${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(`${indent}${line}`);
  return lines;
}

function osName(target: DeploymentTarget): string {
  return { windows: 'Windows', macos: 'macOS', linux: 'Linux' }[target.os];
}

function instructions(target: DeploymentTarget, files: readonly DeploymentFile[]): string[] {
  const first = files[0]?.name ?? '';
  switch (target.os) {
    case 'windows':
      return [
        'Windows:',
        `  Import ${first} on each machine (regedit /s ${first}), or deploy the same values with`,
        '  Group Policy Preferences (Computer Configuration > Preferences > Windows Settings > Registry)',
        '  or an Intune custom configuration. The browser settings are the values the Chrome/Edge ADMX',
        '  templates write, so you can set them in the Group Policy editor instead. The file is UTF-16',
        '  with a byte-order mark, as regedit expects.',
      ];
    case 'macos':
      return [
        'macOS:',
        `  Upload ${first} to Jamf Pro, Intune or another MDM as a custom configuration profile, or`,
        '  install it by hand in System Settings > Privacy & Security > Profiles (for testing). It holds',
        '  two payloads: the extension policy and the browser settings.',
      ];
    case 'linux':
      return target.browser === 'chrome'
        ? [
            'Linux:',
            '  Copy both JSON files (readable by all users, owned by root) to:',
            '    Google Chrome: /etc/opt/chrome/policies/managed/',
            '    Chromium:      /etc/chromium/policies/managed/',
            '  then restart the browser.',
          ]
        : [
            'Linux:',
            '  Copy both JSON files (readable by all users, owned by root) to:',
            '    Microsoft Edge: /etc/opt/edge/policies/managed/',
            '  then restart the browser.',
          ];
  }
}
