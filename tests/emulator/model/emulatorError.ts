/** A request the emulator refuses; `status` is what the control API answers with. */
export class EmulatorError extends Error {
  readonly status: 400 | 404;

  constructor(status: 400 | 404, message: string) {
    super(message);
    this.name = 'EmulatorError';
    this.status = status;
  }
}
