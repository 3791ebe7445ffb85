/** What a CLI command may touch, so commands can be unit-tested without a real process. */
export interface CliIO {
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  /** Working directory against which relative paths resolve. */
  cwd: string;
}

/** Exit codes IT scripts can rely on: 0 ok, 1 unexpected failure, 2 invalid input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID = 2;

export type CliCommand = (argv: string[], io: CliIO) => Promise<number>;
