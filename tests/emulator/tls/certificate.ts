// A throw-away self-signed certificate for the emulator's host names. Chromium is told to
// trust exactly this key with --ignore-certificate-errors-spki-list=<spkiHash>, so nothing is
// installed in any trust store.

import { createHash, createPublicKey } from 'node:crypto';
import { generate } from 'selfsigned';

export interface EmulatorCertificate {
  readonly key: string;
  readonly cert: string;
  /** base64(SHA-256(DER SubjectPublicKeyInfo)), the format Chromium's SPKI list expects. */
  readonly spkiHash: string;
}

export async function createEmulatorCertificate(hostNames: readonly string[]): Promise<EmulatorCertificate> {
  const [commonName = 'localhost'] = hostNames;
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 30 * 24 * 3_600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...hostNames.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  const spki = createPublicKey(pems.cert).export({ type: 'spki', format: 'der' });
  return { key: pems.private, cert: pems.cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
}
