// The instance's sign-in page, as Streams opens it in its login popup (`loginUrl`), and the
// request that signs the agent in. While the agent is signed out, /ccp-v2 does not answer, so
// Streams times out, opens this page in a popup and keeps refreshing its frame until the CCP
// acknowledges; Streams then closes the popup itself.
//
// `?steer=<url>` makes it hostile: before offering the button it tries `opener.location = <url>`
// (replacing the page that opened the popup with a look-alike) and shows what happened in
// `#steer-result`: `no opener`, `assigned` or `threw <error name>`.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorSettings } from '../model/emulatorSettings.ts';

const LOGIN_PATH = '/login';
const LOGIN_SUBMIT_PATH = '/emu/login';

const LOGIN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to Amazon Connect (emulated)</title></head>
<body>
<h1>Sign in</h1>
<p>Steering the opener: <output id="steer-result">pending</output></p>
<button id="sign-in" type="button">Sign in</button>
<script>
const steer = new URLSearchParams(location.search).get('steer');
const result = document.getElementById('steer-result');
if (steer === null) result.textContent = 'not tried';
else if (window.opener === null) result.textContent = 'no opener';
else {
  try { window.opener.location = steer; result.textContent = 'assigned'; }
  catch (error) { result.textContent = 'threw ' + error.name; }
}
document.getElementById('sign-in').addEventListener('click', async () => {
  await fetch(${JSON.stringify(LOGIN_SUBMIT_PATH)}, { method: 'POST' });
  document.body.dataset.signedIn = 'true';
});
</script>
</body>
</html>
`;

/** Handles the sign-in paths; false when the request is for something else. */
export function handleLoginRequest(settings: EmulatorSettings, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (req.method === 'GET' && path === LOGIN_PATH) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(LOGIN_PAGE);
    return true;
  }
  if (req.method === 'POST' && path === LOGIN_SUBMIT_PATH) {
    settings.signedIn = true;
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  return false;
}
