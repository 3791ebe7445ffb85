// The control API: plain HTTP on loopback, JSON in and out (documented in ../README.md).

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { EmulatorError } from '../model/emulatorError.ts';
import type { EmulatorSettings } from '../model/emulatorSettings.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { PageEventHub } from '../ccp/pageEventHub.ts';
import { readJson, sendJson } from '../http/jsonBody.ts';
import { buildAgentData } from '../snapshot/buildAgentData.ts';
import { PageEvent } from '../shared/pageProtocol.ts';
import {
  parseAgentUpdate,
  parseApiFault,
  parseAttributePatch,
  parseConfigUpdate,
  parseContactState,
  parseCustomerMessage,
  parseNewContact,
  parseOptionalConnectionId,
  parseUnresponsive,
} from './controlRequests.ts';
import { CHAT_ROUTES } from './chatControlRoutes.ts';
import { stateView } from './stateView.ts';

export interface ControlContext {
  readonly state: EmulatorState;
  readonly settings: EmulatorSettings;
  readonly hub: PageEventHub;
  /** Restores the settings given at start-up (POST /reset). */
  readonly resetSettings: () => void;
}

type Reply = { readonly status: number; readonly body: unknown };
type Route = (ctx: ControlContext, body: unknown, contactId: string) => Reply;

const done = (body: unknown = { ok: true }): Reply => ({ status: 200, body });

const ROUTES: ReadonlyArray<readonly [method: string, pattern: RegExp, route: Route]> = [
  ['GET', /^\/state$/, (ctx) => done(stateView(ctx.state, ctx.settings, ctx.hub.size))],
  ['GET', /^\/log$/, (ctx) => done(ctx.state.log)],
  [
    'PUT',
    /^\/agent$/,
    (ctx, body) => {
      ctx.state.updateAgent(parseAgentUpdate(body));
      return done(stateView(ctx.state, ctx.settings, ctx.hub.size).agent);
    },
  ],
  ['POST', /^\/contacts$/, (ctx, body) => ({ status: 201, body: { contactId: ctx.state.addContact(parseNewContact(body)).contactId } })],
  [
    'PATCH',
    /^\/contacts\/([^/]+)\/attributes$/,
    (ctx, body, id) => {
      ctx.state.mergeAttributes(id, parseAttributePatch(body));
      return done({ attributes: ctx.state.findContact(id).attributes });
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/state$/,
    (ctx, body, id) => {
      ctx.state.moveTo(id, parseContactState(body));
      return done();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/accept$/,
    (ctx, _body, id) => {
      ctx.state.accept(id);
      return done();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/end$/,
    (ctx, _body, id) => {
      ctx.state.end(id);
      return done();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/third-party\/answer$/,
    (ctx, body, id) => {
      ctx.state.thirdPartyAnswers(id, parseOptionalConnectionId(body));
      return done();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/third-party\/leave$/,
    (ctx, body, id) => {
      ctx.state.thirdPartyLeaves(id, parseOptionalConnectionId(body));
      return done();
    },
  ],
  [
    'DELETE',
    /^\/contacts\/([^/]+)$/,
    (ctx, _body, id) => {
      ctx.state.clear(id);
      return done();
    },
  ],
  [
    'POST',
    /^\/contacts\/([^/]+)\/messages$/,
    (ctx, body, id) => {
      const message = parseCustomerMessage(body);
      const item = ctx.state.addCustomerMessage(id, message.text, message.contentType, message.displayName);
      return { status: 201, body: { id: item.Id, absoluteTime: item.AbsoluteTime } };
    },
  ],
  [
    'POST',
    /^\/faults\/auth-fail$/,
    (ctx) => {
      ctx.hub.send(PageEvent.authFail, {});
      return done({ pages: ctx.hub.size });
    },
  ],
  [
    'POST',
    /^\/faults\/unresponsive$/,
    (ctx, body) => {
      ctx.settings.unresponsive = parseUnresponsive(body);
      ctx.hub.send(PageEvent.unresponsive, { unresponsive: ctx.settings.unresponsive });
      // Pages that start answering again need the state they missed.
      if (!ctx.settings.unresponsive) ctx.hub.send(PageEvent.snapshot, buildAgentData(ctx.state));
      return done({ unresponsive: ctx.settings.unresponsive });
    },
  ],
  [
    'POST',
    /^\/faults\/api$/,
    (ctx, body) => {
      const fault = parseApiFault(body);
      if (fault.count === 0) ctx.settings.apiFailures.delete(fault.method);
      else ctx.settings.apiFailures.set(fault.method, fault.count);
      return done({ failing: Object.fromEntries(ctx.settings.apiFailures) });
    },
  ],
  [
    'PUT',
    /^\/config$/,
    (ctx, body) => {
      const update = parseConfigUpdate(body);
      if (update.approvedOrigins !== undefined) ctx.settings.approvedOrigins = update.approvedOrigins;
      if (update.redirectCcpTo !== undefined) ctx.settings.redirectCcpTo = update.redirectCcpTo;
      if (update.xFrameOptions !== undefined) ctx.settings.xFrameOptions = update.xFrameOptions;
      return done(stateView(ctx.state, ctx.settings, ctx.hub.size).config);
    },
  ],
  [
    'POST',
    /^\/reset$/,
    (ctx) => {
      ctx.resetSettings();
      ctx.hub.send(PageEvent.unresponsive, { unresponsive: false });
      ctx.state.reset();
      return done();
    },
  ],
  ...CHAT_ROUTES.map(([method, pattern, route]) => [method, pattern, (ctx: ControlContext, body: unknown, id: string) => route(ctx.state, body, id)] as const),
];

export function createControlServer(ctx: ControlContext): Server {
  return createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      if (error instanceof EmulatorError) sendJson(res, error.status, { error: error.message });
      else sendJson(res, 500, { error: `The emulator failed: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
}

async function handle(ctx: ControlContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://control').pathname;
  const method = req.method ?? 'GET';
  const matches = ROUTES.map(([m, pattern, route]) => ({ m, match: pattern.exec(path), route })).filter((r) => r.match);
  const found = matches.find((r) => r.m === method);
  if (!found || !found.match) {
    if (matches.length > 0) throw new EmulatorError(400, `${method} is not supported on ${path}; use ${matches.map((r) => r.m).join(' or ')}.`);
    sendJson(res, 404, { error: `No control endpoint ${method} ${path}. See tests/emulator/README.md.` });
    return;
  }
  const body = method === 'GET' || method === 'DELETE' ? {} : await readJson(req);
  const contactId = decodeURIComponent(found.match[1] ?? '');
  const reply = found.route(ctx, body, contactId);
  sendJson(res, reply.status, reply.body);
}
