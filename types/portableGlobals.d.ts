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

declare function atob(data: string): string;
declare function btoa(data: string): string;

// WebCrypto, the subset core uses (globalThis.crypto in Node 20, the worker and pages).
interface CryptoKey {
  readonly type: string;
  readonly extractable: boolean;
}

interface SubtleCrypto {
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: boolean,
    keyUsages: 'sign'[],
  ): Promise<CryptoKey>;
  sign(algorithm: 'HMAC', key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

declare var crypto: {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T;
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
};

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
