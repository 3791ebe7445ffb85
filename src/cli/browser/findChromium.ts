import { existsSync } from 'node:fs';

/**
 * Where a browser that still honours --load-extension lives. Branded Google Chrome 137+ ignores
 * that flag, so it is never picked on its own; Chromium and Chrome for Testing are.
 */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
];

export const CHROMIUM_INSTALL_HINT = `No Chromium found. Install one that loads unpacked extensions from the command line:
  Debian/Ubuntu:  sudo apt-get install chromium
  macOS:          brew install --cask chromium
  or download Chrome for Testing, then set CHROME_PATH=/path/to/chrome
(Branded Google Chrome 137 and later ignore --load-extension, so it cannot run the demo or tests.)`;

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}
