// What the test embedder page exposes as `window.__embedder` to Playwright tests.

export interface EmbeddedChatMessage {
  readonly role: string;
  readonly contentType: string;
  readonly content: string;
}

export interface TestEmbedderApi {
  /** Named moments in order, e.g. "init", "agent-init", "ack_timeout", "auth_fail", "contact:<id>:connected". */
  readonly events: string[];
  agentName(): string | null;
  agentState(): string | null;
  /** The last state Streams reported for the contact; "destroyed" once it left the snapshot. */
  contactState(contactId: string): string | null;
  contactAttributes(contactId: string): Record<string, string> | null;
  customerNumber(contactId: string): string | null;
  setAgentState(name: string): Promise<void>;
  accept(contactId: string): Promise<void>;
  hangUp(contactId: string): Promise<void>;
  clear(contactId: string): Promise<void>;
  /** Opens the agent ChatSession through contact.getAgentConnection().getMediaController(). */
  startChat(contactId: string): Promise<void>;
  sendChat(contactId: string, text: string): Promise<void>;
  chatMessages(contactId: string): EmbeddedChatMessage[];
}

export interface TestEmbedderWindow {
  __embedder?: TestEmbedderApi;
  /** The same API as a function, so that test callbacks can say `embedder().accept(id)`. */
  embedder?: () => TestEmbedderApi;
}
