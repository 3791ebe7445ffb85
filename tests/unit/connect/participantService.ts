/** One call chatjs made to Connect's participant service, as its AWS SDK client sent it over fetch. */
export interface ParticipantCall {
  /** The operation's path: `/participant/message`, `/participant/transcript`, … */
  path: string;
  /** `x-amz-bearer`: the connection token (the participant token for `/participant/connection`). */
  bearer: string | null;
  body: Record<string, unknown>;
}

/** How the stand-in answers: a JSON body, or an error the way the service sends one (status and `x-amzn-errortype`). */
export type ParticipantAnswer = (call: ParticipantCall) => { body: unknown } | { status: number; errorType: string };

export interface RecordedParticipantService {
  readonly calls: ParticipantCall[];
  answerWith(answer: ParticipantAnswer): void;
  restore(): void;
}

/**
 * Connect's participant service (REST-JSON behind chatjs' ConnectParticipant client) at the one
 * place the browser would reach it: `fetch`. chatjs and its bundled AWS SDK run unchanged; what
 * they send is recorded and answered here.
 */
export function standInParticipantService(answer: ParticipantAnswer): RecordedParticipantService {
  const original = globalThis.fetch;
  let current = answer;
  const calls: ParticipantCall[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    const call: ParticipantCall = {
      path: new URL(request.url).pathname,
      bearer: request.headers.get('x-amz-bearer'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    calls.push(call);
    const answered = current(call);
    if ('errorType' in answered) {
      return new Response(JSON.stringify({ message: answered.errorType }), {
        status: answered.status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': answered.errorType },
      });
    }
    return new Response(JSON.stringify(answered.body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return {
    calls,
    answerWith(next) {
      current = next;
    },
    restore() {
      globalThis.fetch = original;
    },
  };
}
