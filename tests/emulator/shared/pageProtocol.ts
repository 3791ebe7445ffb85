// The private link between the emulated CCP page and the emulator server: server-sent events
// down (GET /emu/stream), API calls up (POST /emu/api). Shared by both sides.

export const PAGE_STREAM_PATH = '/emu/stream';
export const PAGE_API_PATH = '/emu/api';
/** POST: what the page can tell about its own media (see PageMediaReport). */
export const PAGE_PROBE_PATH = '/emu/probe';

/**
 * What an emulated CCP page reports about itself, so tests can prove a hidden CCP still works:
 * whether its timers run, whether it could play the ringtone and open the microphone.
 */
export interface PageMediaReport {
  readonly pageId: string;
  readonly at: string;
  readonly visibility: string;
  /** `playing` while a call rings and the audio context runs; `silent` when nothing rings. */
  readonly ringtone: 'playing' | 'silent' | 'blocked';
  /** `live` once getUserMedia gave a live track during a call; `idle` before any call. */
  readonly microphone: string;
  /** Heartbeats sent so far: they come from a 1 s timer, so they stop if the page is frozen. */
  readonly beats: number;
}

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
  /** data: { muted: boolean } — the agent's softphone mute (agent::mute_toggle for Streams). */
  mute: 'mute',
  /** data: { [contactId]: ChatItem[] } — the transcripts so far, for the page's own chat view. */
  transcripts: 'transcripts',
} as const;

export interface PageApiResponse {
  readonly data: unknown;
  readonly err: unknown;
}
