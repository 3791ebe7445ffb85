// The private link between the emulated CCP page and the emulator server: server-sent events
// down (GET /emu/stream), API calls up (POST /emu/api). Shared by both sides.

export const PAGE_STREAM_PATH = '/emu/stream';
export const PAGE_API_PATH = '/emu/api';

/** Server-sent event names. */
export const PageEvent = {
  /** data: the complete agent::update payload (ISO dates). */
  snapshot: 'snapshot',
  /** data: { contactId, item } — a transcript item for webSocket::all_message. */
  chat: 'chat',
  /** data: { up: boolean } — the agent websocket drops (webSocket::connection_lost) or comes back (connection_gain). */
  chatSocket: 'chat_socket',
  /** data: {} — tell Streams the session is no longer authorised. */
  authFail: 'auth_fail',
  /** data: { unresponsive: boolean } — the CCP pretends to hang. */
  unresponsive: 'unresponsive',
} as const;

export interface PageApiRequest {
  readonly method: string;
  readonly params: unknown;
}

export interface PageApiResponse {
  readonly data: unknown;
  readonly err: unknown;
}
