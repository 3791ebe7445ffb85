// Runs the emulator standalone:
//   npx tsx tests/emulator/main.ts --https-port 8443 --control-port 8444 \
//     --approved-origin chrome-extension://ojodoldnmcabjmcojfoebnmebmadjfdm
// Flags: --https-port N, --control-port N, --instance-host H, --region R,
//        --approved-origin O (repeatable), --agent-name NAME, --agent-username U, --test-embedder

import { parseArgs } from 'node:util';
import { startEmulator } from './startEmulator.ts';

const { values } = parseArgs({
  options: {
    'https-port': { type: 'string', default: '8443' },
    'control-port': { type: 'string', default: '8444' },
    'instance-host': { type: 'string' },
    region: { type: 'string' },
    'approved-origin': { type: 'string', multiple: true, default: [] },
    'agent-name': { type: 'string' },
    'agent-username': { type: 'string' },
    'test-embedder': { type: 'boolean', default: false },
  },
  strict: true,
});

function port(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} must be a port number, got "${value}"`);
  return n;
}

const agent: { name?: string; username?: string } = {};
if (values['agent-name'] !== undefined) agent.name = values['agent-name'];
if (values['agent-username'] !== undefined) agent.username = values['agent-username'];

const emulator = await startEmulator({
  httpsPort: port(values['https-port'], '--https-port'),
  controlPort: port(values['control-port'], '--control-port'),
  ...(values['instance-host'] === undefined ? {} : { instanceHost: values['instance-host'] }),
  ...(values.region === undefined ? {} : { region: values.region }),
  approvedOrigins: values['approved-origin'],
  agent,
  testEmbedder: values['test-embedder'],
});

const lines = [
  'Amazon Connect CCP emulator running',
  `  CCP URL:            ${emulator.ccpUrl}   (HTTPS on 127.0.0.1:${emulator.httpsPort})`,
  `  Participant host:   https://${emulator.participantHost}`,
  `  Control API:        ${emulator.controlUrl}   (try: curl ${emulator.controlUrl}/state)`,
  ...(emulator.embedderUrl ? [`  Test embedder:      ${emulator.embedderUrl}`] : []),
  '  Start Chromium with:',
  ...emulator.chromiumArgs.map((arg) => `    '${arg}'`),
];
console.log(lines.join('\n'));

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
