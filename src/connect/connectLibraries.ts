/// <reference types="amazon-connect-streams" />
/// <reference types="amazon-connect-chatjs" />
// Order matters: chatjs reads `connect.version` from Streams and attaches `connect.ChatSession`.
import 'amazon-connect-streams';
import 'amazon-connect-chatjs';

/** The Streams + ChatJS global, typed. The only module that names it. */
export const connectApi: typeof connect = (globalThis as unknown as { connect: typeof connect }).connect;
