// CRX3: the signed package format Chrome installs outside its store. A CRX3 file is
// "Cr24", format version 3, the length of a protobuf header, the header, then the zip itself.
// The header (chromium/src components/crx_file/crx3.proto) holds the RSA public key and a
// SHA-256 signature over "CRX3 SignedData\0" + length + signed header data + the zip. Written
// by hand (a dozen lines of protobuf) rather than pulling a dependency into the build.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

/** A protobuf varint. */
function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
function bytesField(fieldNumber: number, value: Buffer): Buffer {
  return Buffer.concat([varint(fieldNumber * 8 + 2), varint(value.length), value]);
}

function uint32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

/** The DER SubjectPublicKeyInfo of the key: what Chrome hashes into the id and puts in the manifest `key`. */
export function publicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
}

/** Chrome's id: the first 16 bytes of SHA-256 of the public key, each hex digit 0–f written a–p. */
export function extensionIdFromPublicKey(spkiDer: Buffer): string {
  const hex = createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

export function parsePrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the CRX signing key must be an RSA key (got ${key.asymmetricKeyType ?? 'unknown'})`);
  return key;
}

/** Signs `zip` into a CRX3 file. */
export function packCrx3(zip: Buffer, privateKey: KeyObject): { crx: Buffer; id: string } {
  const publicKey = publicKeyDer(privateKey);
  const crxId = createHash('sha256').update(publicKey).digest().subarray(0, 16);
  const signedHeaderData = bytesField(1, crxId); // SignedData { bytes crx_id = 1; }
  const signature = sign('sha256', Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'latin1'), uint32le(signedHeaderData.length), signedHeaderData, zip]), privateKey);
  const proof = Buffer.concat([bytesField(1, publicKey), bytesField(2, signature)]); // AsymmetricKeyProof
  // CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
  const header = Buffer.concat([bytesField(2, proof), bytesField(10000, signedHeaderData)]);
  const crx = Buffer.concat([Buffer.from('Cr24', 'latin1'), uint32le(3), uint32le(header.length), header, zip]);
  return { crx, id: extensionIdFromPublicKey(publicKey) };
}
