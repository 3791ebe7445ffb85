// The few WHATWG globals that every place src/core runs in has (Node, the service worker,
// extension pages) but that the ES library lacks. Declared here, for tsconfig.core.json only,
// so that src/core can use them while `window`, `document`, `chrome` and Node's APIs stay unknown.

interface URL {
  readonly hash: string;
  readonly host: string;
  readonly hostname: string;
  readonly href: string;
  readonly origin: string;
  readonly password: string;
  readonly pathname: string;
  readonly port: string;
  readonly protocol: string;
  readonly search: string;
  readonly username: string;
  toString(): string;
}

declare var URL: {
  prototype: URL;
  new (url: string, base?: string | URL): URL;
};

declare function structuredClone<T>(value: T): T;
