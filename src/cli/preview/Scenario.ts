/**
 * A preview scenario: who the agent is, then what happens, step by step. Steps form a union on
 * `type`; a new kind of step is a new member here, a schema branch in scenarioSchema.ts and a
 * runner in stepRunners.ts (the runner table is typed so that a missing runner does not compile).
 */
export interface Scenario {
  /** Shown in the report; free text. */
  name?: string;
  description?: string;
  agent: ScenarioAgent;
  steps: ScenarioStep[];
}

/** The Connect identity the emulator signs in; the policy's roles decide agent or supervisor from it. */
interface ScenarioAgent {
  username: string;
  name: string;
  routingProfile?: string;
  /** Connect security-profile permissions, e.g. "ContactSearch.View". */
  permissions?: string[];
}

/** A contact arrives (ringing): Connect routes it to the agent. */
export interface ContactStep {
  type: 'contact';
  /** The scenario's name for the contact; later steps refer to it, and it becomes the Connect contact ID. */
  id: string;
  channel: 'voice' | 'chat';
  /** Voice: the customer's number, exactly as Connect would pass it. */
  caller?: string;
  /** Chat: the customer's display name. */
  customerName?: string;
  queue?: string;
  /** Contact attributes set by the flow; values are strings as in Connect. */
  attributes?: Record<string, string>;
}

/** The flow changes attributes mid-contact; `null` removes one. */
export interface AttributesStep {
  type: 'attributes';
  contact: string;
  attributes: Record<string, string | null>;
}

/** The agent clicks Accept on the contact's card. */
export interface AcceptStep {
  type: 'accept';
  contact: string;
}

/** The customer sends a chat message. */
export interface ChatStep {
  type: 'chat';
  contact: string;
  text: string;
  contentType?: 'text/plain' | 'text/markdown';
}

/** The customer is typing: the chat shows the typing indicator. */
export interface TypingStep {
  type: 'typing';
  contact: string;
}

/** The customer sends a file through the participant service; the thread shows it by masked name, type and size. */
export interface AttachmentStep {
  type: 'attachment';
  contact: string;
  /** The file name as the customer's device names it (masked on the desk like any customer text). */
  name: string;
  /** Default `text/plain`. */
  contentType?: string;
  /** The file's content (text); default a short line. */
  text?: string;
}

/** A supervisor reveals one attribute with a typed reason. */
export interface RevealStep {
  type: 'reveal';
  contact: string;
  attribute: string;
  reason: string;
}

/** The customer hangs up (or leaves the chat). */
export interface EndStep {
  type: 'end';
  contact: string;
}

/** The agent clicks Hang up (End chat) on the card. */
export interface HangUpStep {
  type: 'hangUp';
  contact: string;
}

/** The agent closes the contact after after-contact work. */
export interface ClearStep {
  type: 'clear';
  contact: string;
}

/** The agent picks a state (Available, Lunch, …) in the shell's state selector. */
export interface AgentStateStep {
  type: 'agentState';
  state: string;
}

/** The agent clicks Reject on a ringing contact's card. */
export interface RejectStep {
  type: 'reject';
  contact: string;
}

/** The agent puts the call on hold (every party on the line, as Connect's hold all). */
export interface HoldStep {
  type: 'hold';
  contact: string;
}

/** The agent takes the held call off hold. */
export interface ResumeStep {
  type: 'resume';
  contact: string;
}

/** The agent mutes the microphone from the call's card. */
export interface MuteStep {
  type: 'mute';
  contact: string;
}

export interface UnmuteStep {
  type: 'unmute';
  contact: string;
}

/** The agent presses keys on the card's number pad: each key goes to Connect as DTMF. */
export interface KeypadStep {
  type: 'keypad';
  contact: string;
  /** 0-9, * and #, pressed one after another. */
  digits: string;
}

/**
 * The agent adds a party to the call: a quick connect by its name (as the instance names it), or
 * a typed number that the policy's dialing rules check first. Connect holds the customer and
 * calls the party; a refused number is reported with its reason and never reaches Connect.
 */
export interface TransferStep {
  type: 'transfer';
  contact: string;
  to: string;
}

/** The agent types a number into the New call box; the dialing rules check it before Connect dials. */
export interface DialStep {
  type: 'dial';
  number: string;
}

export type ScenarioStep =
  | ContactStep
  | AttributesStep
  | AcceptStep
  | ChatStep
  | TypingStep
  | AttachmentStep
  | RevealStep
  | EndStep
  | HangUpStep
  | ClearStep
  | AgentStateStep
  | RejectStep
  | HoldStep
  | ResumeStep
  | MuteStep
  | UnmuteStep
  | KeypadStep
  | TransferStep
  | DialStep;

export type StepType = ScenarioStep['type'];
