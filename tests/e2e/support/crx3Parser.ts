import { createHash, createPublicKey, verify } from 'node:crypto';

/**
 * An independent reader of CRX3 files (not the crx3 package that writes them): the header layout
 * and the signature scheme of Chromium's components/crx_file (crx3.proto): "Cr24", version 3,
 * header length, a CrxFileHeader protobuf, then the ZIP. The signature covers
 * "CRX3 SignedData\0" + length of signed_header_data (LE32) + signed_header_data + ZIP.
 */
export interface ParsedCrx3 {
  version: number;
  /** Extension ID derived from the crx_id in the signed header data (a–p). */
  signedId: string;
  /** Extension ID derived from each RSA public key in the header. */
  keyIds: string[];
  /** Each RSA proof's signature verified against its key. */
  signaturesValid: boolean[];
  zipStartsWithLocalHeader: boolean;
}

export function parseCrx3(file: Buffer): ParsedCrx3 {
  if (file.subarray(0, 4).toString('latin1') !== 'Cr24') throw new Error('not a CRX file (magic)');
  const version = file.readUInt32LE(4);
  const headerLength = file.readUInt32LE(8);
  const header = file.subarray(12, 12 + headerLength);
  const zip = file.subarray(12 + headerLength);
  const fields = readMessage(header);
  const signedHeaderData = fields.find((field) => field.number === 10000)?.bytes;
  if (signedHeaderData === undefined) throw new Error('no signed_header_data');
  const crxId = readMessage(signedHeaderData).find((field) => field.number === 1)?.bytes;
  if (crxId === undefined) throw new Error('no crx_id');
  const proofs = fields.filter((field) => field.number === 2).map((field) => readMessage(field.bytes));
  const signedPrefix = Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), lengthLE(signedHeaderData.length), signedHeaderData]);
  const keyIds: string[] = [];
  const signaturesValid: boolean[] = [];
  for (const proof of proofs) {
    const publicKey = proof.find((field) => field.number === 1)?.bytes;
    const signature = proof.find((field) => field.number === 2)?.bytes;
    if (publicKey === undefined || signature === undefined) throw new Error('incomplete proof');
    keyIds.push(idOf(createHash('sha256').update(publicKey).digest().subarray(0, 16)));
    const key = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    signaturesValid.push(verify('sha256', Buffer.concat([signedPrefix, zip]), key, signature));
  }
  return { version, signedId: idOf(crxId), keyIds, signaturesValid, zipStartsWithLocalHeader: zip.readUInt32LE(0) === 0x04034b50 };
}

function idOf(bytes: Buffer): string {
  return [...bytes.toString('hex')].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

function lengthLE(length: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(length);
  return buffer;
}

/** Length-delimited fields of a protobuf message (the only wire type CRX3 headers use). */
function readMessage(bytes: Buffer): { number: number; bytes: Buffer }[] {
  const fields: { number: number; bytes: Buffer }[] = [];
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset];
      if (byte === undefined) throw new Error('truncated varint');
      offset += 1;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
  };
  while (offset < bytes.length) {
    const tag = varint();
    const wireType = tag % 8;
    const number = Math.floor(tag / 8);
    if (wireType !== 2) throw new Error(`unexpected wire type ${String(wireType)}`);
    const length = varint();
    fields.push({ number, bytes: bytes.subarray(offset, offset + length) });
    offset += length;
  }
  return fields;
}
