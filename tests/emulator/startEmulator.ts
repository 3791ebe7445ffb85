// Starts the local Amazon Connect CCP emulator: the HTTPS instance (+ Participant Service, +
// optional test embedder) and the plain-HTTP control API, both on loopback.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createCcpSite } from './ccp/ccpSite.ts';
import { PageEventHub } from './ccp/pageEventHub.ts';
import { createControlServer } from './control/controlServer.ts';
import { emulatorControl } from './control/controlClient.ts';
import type { EmulatorControl } from './control/controlClient.ts';
import { TEST_EMBEDDER_HOST, TEST_EMBEDDER_PATH, createTestEmbedderSite } from './embedder/testEmbedderSite.ts';
import { bundleBrowserScript } from './http/bundleBrowserScript.ts';
import { createHostRouter } from './http/hostRouter.ts';
import type { SiteHandler } from './http/hostRouter.ts';
import { EmulatorState } from './model/emulatorState.ts';
import type { AgentIdentity } from './model/emulatorState.ts';
import { initialSettings } from './model/emulatorSettings.ts';
import { instanceCatalog } from './model/instanceCatalog.ts';
import { handleAttachmentHostRequest } from './participant/attachmentHost.ts';
import { handleParticipantRequest } from './participant/participantService.ts';
import { PageEvent } from './shared/pageProtocol.ts';
import { buildAgentData } from './snapshot/buildAgentData.ts';
import { createEmulatorCertificate } from './tls/certificate.ts';

export interface EmulatorOptions {
  /** HTTPS port of the instance, Participant Service and test embedder; 0 (default) = random. */
  readonly httpsPort?: number;
  /** Plain-HTTP control API port; 0 (default) = random. */
  readonly controlPort?: number;
  /** Default shield-demo.my.connect.aws. */
  readonly instanceHost?: string;
  /** Default us-west-2; the Participant Service host is participant.connect.<region>.amazonaws.com. */
  readonly region?: string;
  /** Origins allowed to frame /ccp-v2 (CSP frame-ancestors, besides 'self'). */
  readonly approvedOrigins?: readonly string[];
  /** The agent at start-up and after POST /reset. */
  readonly agent?: Partial<AgentIdentity>;
  /** Start with the agent signed out: /ccp-v2 answers 401 until the login page (/login) signs them in. */
  readonly signedOut?: boolean;
  /** Serve https://embedder.test/__test-embedder/ (real Streams + chatjs) for the emulator's own e2e test. */
  readonly testEmbedder?: boolean;
}

export interface RunningEmulator {
  readonly httpsPort: number;
  readonly controlPort: number;
  /** http://127.0.0.1:<controlPort> */
  readonly controlUrl: string;
  readonly instanceHost: string;
  /** https://<instanceHost> */
  readonly instanceOrigin: string;
  /** https://<instanceHost>/ccp-v2 — the URL the embedding page gives initCCP. */
  readonly ccpUrl: string;
  readonly region: string;
  readonly participantHost: string;
  /** The S3-like host attachment URLs point to (https://<attachmentHost> must be approved to download). */
  readonly attachmentHost: string;
  /** base64 SHA-256 of the certificate's public key, for --ignore-certificate-errors-spki-list. */
  readonly spkiHash: string;
  /** The value for Chromium's --host-resolver-rules: every emulated host → 127.0.0.1:<httpsPort>. */
  readonly hostResolverRules: string;
  /** --host-resolver-rules=… and --ignore-certificate-errors-spki-list=… */
  readonly chromiumArgs: readonly string[];
  /** https://embedder.test/__test-embedder/ when testEmbedder is on, otherwise null. */
  readonly embedderUrl: string | null;
  /** https://embedder.test when testEmbedder is on, otherwise null. */
  readonly embedderOrigin: string | null;
  readonly control: EmulatorControl;
  close(): Promise<void>;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const instanceHost = (options.instanceHost ?? 'shield-demo.my.connect.aws').toLowerCase();
  const region = options.region ?? 'us-west-2';
  if (!HOST_NAME.test(instanceHost)) throw new Error(`instanceHost "${instanceHost}" is not a host name.`);
  if (!REGION.test(region)) throw new Error(`region "${region}" is not an AWS region name like us-west-2.`);
  const participantHost = `participant.connect.${region}.amazonaws.com`;
  const attachmentHost = `shield-attachments.s3.${region}.amazonaws.com`;
  const instanceOrigin = `https://${instanceHost}`;
  const ccpUrl = `${instanceOrigin}/ccp-v2`;
  const hostNames = [instanceHost, participantHost, attachmentHost, ...(options.testEmbedder ? [TEST_EMBEDDER_HOST] : [])];

  const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
  const [certificate, ccpScript, ccpStyle, embedderScript] = await Promise.all([
    createEmulatorCertificate(hostNames),
    bundleBrowserScript(here('./ccp-page/main.ts')),
    readFile(here('./ccp-page/ccp-page.css'), 'utf8'),
    options.testEmbedder ? bundleBrowserScript(here('./embedder/page/embedder.ts')) : Promise.resolve(''),
  ]);

  const state = new EmulatorState(instanceCatalog(region), options.agent);
  const startOrigins = [...(options.approvedOrigins ?? [])];
  const settings = initialSettings(startOrigins, options.signedOut !== true);
  const hub = new PageEventHub();
  let muted = state.agentMuted;
  state.onChange(() => {
    hub.send(PageEvent.snapshot, buildAgentData(state));
    if (state.agentMuted !== muted) {
      muted = state.agentMuted;
      hub.send(PageEvent.mute, { muted });
    }
  });
  state.onChatItem((contactId, item) => hub.send(PageEvent.chat, { contactId, item }));
  state.onChatSocket((up) => hub.send(PageEvent.chatSocket, { up }));

  const sites = new Map<string, SiteHandler>([
    [instanceHost, createCcpSite(state, settings, hub, { script: ccpScript, style: ccpStyle })],
    [participantHost, (req, res) => handleParticipantRequest(state, req, res, { participantHost, attachmentHost })],
    [attachmentHost, (req, res) => handleAttachmentHostRequest(state, req, res)],
  ]);
  if (options.testEmbedder) {
    sites.set(
      TEST_EMBEDDER_HOST,
      createTestEmbedderSite({ script: embedderScript, ccpUrl, instanceOrigin, participantOrigin: `https://${participantHost}`, region }),
    );
  }
  const https = createHostRouter(certificate, sites);
  const control = createControlServer({
    state,
    settings,
    hub,
    resetSettings: () => {
      settings.approvedOrigins = [...startOrigins];
      settings.redirectCcpTo = null;
      settings.unresponsive = false;
      settings.signedIn = options.signedOut !== true;
      settings.xFrameOptions = null;
      settings.apiFailures.clear();
    },
  });

  const httpsPort = await listen(https, options.httpsPort ?? 0);
  const controlPort = await listen(control, options.controlPort ?? 0).catch(async (error: unknown) => {
    await closeServer(https);
    throw error;
  });
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const hostResolverRules = hostNames.map((name) => `MAP ${name} 127.0.0.1:${httpsPort}`).join(', ');

  return {
    httpsPort,
    controlPort,
    controlUrl,
    instanceHost,
    instanceOrigin,
    ccpUrl,
    region,
    participantHost,
    attachmentHost,
    spkiHash: certificate.spkiHash,
    hostResolverRules,
    chromiumArgs: [`--host-resolver-rules=${hostResolverRules}`, `--ignore-certificate-errors-spki-list=${certificate.spkiHash}`],
    embedderUrl: options.testEmbedder ? `https://${TEST_EMBEDDER_HOST}${TEST_EMBEDDER_PATH}` : null,
    embedderOrigin: options.testEmbedder ? `https://${TEST_EMBEDDER_HOST}` : null,
    control: emulatorControl(controlUrl),
    close: async () => {
      hub.closeAll();
      await Promise.all([closeServer(https), closeServer(control)]);
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
