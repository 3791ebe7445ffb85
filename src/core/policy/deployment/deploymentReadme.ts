import { STORE_UPDATE_URL, type DeploymentFile, type DeploymentTarget } from './deploymentTarget.ts';

/** README.txt for the export directory: where each file goes. */
export function deploymentReadme(target: DeploymentTarget, files: readonly DeploymentFile[]): DeploymentFile {
  const browserName = target.browser === 'chrome' ? 'Google Chrome' : 'Microsoft Edge';
  const lines = [
    `Connect Shield managed policy — ${browserName} on ${osName(target)}`,
    `Extension id: ${target.extensionId}`,
    '',
    'Files:',
    ...files.map((file) => `  ${file.name}`),
    '',
    ...instructions(target, files),
    '',
    'Force-installation:',
    `  The files install the extension from the store (update URL ${STORE_UPDATE_URL[target.browser]}).`,
    '  If you host the extension yourself, replace update_url with the URL of your own update manifest.',
    '  ExtensionSettings is one policy for all extensions: if you already set it, merge the',
    `  "${target.extensionId}" entry into your existing value instead of replacing it.`,
    '',
    'The Connect instance must also list this extension as an approved origin:',
    `  chrome-extension://${target.extensionId}`,
    '',
    'Check what the browser received: open chrome://policy (edge://policy), tick "Show policies with no',
    'value set", and find Connect Shield under the extension policies.',
    '',
  ];
  return { name: 'README.txt', content: lines.join('\n'), encoding: 'utf8' };
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
        '  or an Intune custom configuration. The file is UTF-16 with a byte-order mark, as regedit expects.',
      ];
    case 'macos':
      return [
        'macOS:',
        `  Upload ${first} to Jamf Pro, Intune or another MDM as a custom configuration profile, or`,
        '  install it by hand in System Settings > Privacy & Security > Profiles (for testing).',
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
