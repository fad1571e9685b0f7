// Participant keys in the browser: PKCS#8 PEM ("PRIVATE KEY", or "ENCRYPTED PRIVATE KEY" as the registry and the CLI
// write it: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) imported into WebCrypto, never sent anywhere and never stored.
// Signatures are produced in the format the node's SignatureVerifier wants: ECDSA as DER ECDSA-Sig-Value (WebCrypto
// gives raw r||s, converted here), Ed25519 as 64 bytes, RSA PKCS#1 v1.5 SHA-256.

const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  ed25519: '1.3.101.112',
  rsa: '1.2.840.113549.1.1.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha1: '1.2.840.113549.2.7',
  hmacSha256: '1.2.840.113549.2.9',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
  aes128cbc: '2.16.840.1.101.3.4.1.2',
};

/** A key problem a person can act on; {@code code} is stable for tests. */
export class KeyError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Decodes the first PEM block of {@code text}: {label, der}. */
export function decodePem(text) {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text || '');
  if (!m) {
    throw new KeyError('NOT_PEM', 'no PEM block found (expected -----BEGIN PRIVATE KEY----- or '
      + '-----BEGIN ENCRYPTED PRIVATE KEY-----)');
  }
  const body = m[2].replace(/\s+/g, '');
  let bin;
  try {
    bin = atob(body);
  } catch (e) {
    throw new KeyError('NOT_PEM', 'the PEM body is not base64');
  }
  const der = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    der[i] = bin.charCodeAt(i);
  }
  return { label: m[1], der };
}

/** Minimal DER reader: returns {tag, start, len, end, contentStart} for the element at {@code pos}. */
function element(der, pos) {
  if (pos + 2 > der.length) {
    throw new KeyError('BAD_DER', 'truncated DER');
  }
  const tag = der[pos];
  let len = der[pos + 1];
  let contentStart = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || contentStart + n > der.length) {
      throw new KeyError('BAD_DER', 'bad DER length');
    }
    len = 0;
    for (let i = 0; i < n; i++) {
      len = len * 256 + der[contentStart + i];
    }
    contentStart += n;
  }
  const end = contentStart + len;
  if (end > der.length) {
    throw new KeyError('BAD_DER', 'DER element runs past the end');
  }
  return { tag, start: pos, contentStart, len, end };
}

/** The children of a constructed element. */
function children(der, el) {
  const out = [];
  let p = el.contentStart;
  while (p < el.end) {
    const c = element(der, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

function content(der, el) {
  return der.slice(el.contentStart, el.end);
}

function oid(der, el) {
  if (el.tag !== 0x06) {
    throw new KeyError('BAD_DER', 'expected an OBJECT IDENTIFIER');
  }
  const b = content(der, el);
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function integer(der, el) {
  let v = 0;
  for (const b of content(der, el)) {
    v = v * 256 + b;
  }
  return v;
}

/** The WebCrypto parameters for a PKCS#8 PrivateKeyInfo: {kind, importAlg, signAlg, curveBytes}. */
export function describePkcs8(der) {
  const top = children(der, element(der, 0));
  if (top.length < 3 || top[1].tag !== 0x30) {
    throw new KeyError('NOT_PKCS8', 'not a PKCS#8 PrivateKeyInfo');
  }
  const alg = children(der, top[1]);
  const algOid = oid(der, alg[0]);
  if (algOid === OID.ecPublicKey) {
    const curve = alg[1] && alg[1].tag === 0x06 ? oid(der, alg[1]) : null;
    if (curve === OID.p256) {
      return { kind: 'EC_P256', importAlg: { name: 'ECDSA', namedCurve: 'P-256' },
        signAlg: { name: 'ECDSA', hash: 'SHA-256' }, curveBytes: 32 };
    }
    if (curve === OID.p384) {
      return { kind: 'EC_P384', importAlg: { name: 'ECDSA', namedCurve: 'P-384' },
        signAlg: { name: 'ECDSA', hash: 'SHA-384' }, curveBytes: 48 };
    }
    throw new KeyError('UNSUPPORTED_KEY', 'EC keys must be on P-256 or P-384 (named curve)');
  }
  if (algOid === OID.ed25519) {
    return { kind: 'ED25519', importAlg: { name: 'Ed25519' }, signAlg: { name: 'Ed25519' } };
  }
  if (algOid === OID.rsa) {
    return { kind: 'RSA', importAlg: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      signAlg: { name: 'RSASSA-PKCS1-v1_5' } };
  }
  throw new KeyError('UNSUPPORTED_KEY', `key algorithm ${algOid} is not accepted (EC P-256/P-384, Ed25519, RSA)`);
}

/** Decrypts an EncryptedPrivateKeyInfo (PBES2 / PBKDF2 / AES-CBC) to the PrivateKeyInfo DER. */
export async function decryptPkcs8(der, passphrase) {
  const top = children(der, element(der, 0));
  const algId = children(der, top[0]);
  if (oid(der, algId[0]) !== OID.pbes2) {
    throw new KeyError('UNSUPPORTED_ENCRYPTION', 'only PBES2-encrypted keys are supported');
  }
  const [kdf, enc] = children(der, algId[1]);
  const kdfParts = children(der, kdf);
  if (oid(der, kdfParts[0]) !== OID.pbkdf2) {
    throw new KeyError('UNSUPPORTED_ENCRYPTION', 'only PBKDF2 key derivation is supported');
  }
  const kdfParams = children(der, kdfParts[1]);
  const salt = content(der, kdfParams[0]);
  const iterations = integer(der, kdfParams[1]);
  let hash = 'SHA-1';
  for (const p of kdfParams.slice(2)) {
    if (p.tag === 0x30) {
      const prf = oid(der, children(der, p)[0]);
      if (prf === OID.hmacSha256) {
        hash = 'SHA-256';
      } else if (prf !== OID.hmacSha1) {
        throw new KeyError('UNSUPPORTED_ENCRYPTION', `PBKDF2 PRF ${prf} is not supported`);
      }
    }
  }
  const encParts = children(der, enc);
  const encOid = oid(der, encParts[0]);
  const keyBits = encOid === OID.aes256cbc ? 256 : encOid === OID.aes128cbc ? 128 : 0;
  if (!keyBits) {
    throw new KeyError('UNSUPPORTED_ENCRYPTION', `cipher ${encOid} is not supported (AES-CBC only)`);
  }
  const iv = content(der, encParts[1]);
  const subtle = crypto.subtle;
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase || ''), 'PBKDF2', false,
    ['deriveKey']);
  const aes = await subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash }, base,
    { name: 'AES-CBC', length: keyBits }, false, ['decrypt']);
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, aes, content(der, top[1])));
  } catch (e) {
    throw new KeyError('WRONG_PASSPHRASE', 'the passphrase does not decrypt this key');
  }
}

/**
 * A PKCS#8 v2 OneAsymmetricKey (RFC 5958: version 1 with the public key, as BouncyCastle writes Ed25519 keys) as the
 * v1 PrivateKeyInfo browsers import: version 0, the algorithm and the private key, nothing else. v1 input is returned
 * as it is.
 */
export function toPkcs8v1(der) {
  const top = children(der, element(der, 0));
  if (top.length < 3 || top[0].tag !== 0x02 || integer(der, top[0]) === 0) {
    return der;
  }
  const body = [0x02, 0x01, 0x00, ...der.slice(top[1].start, top[1].end), ...der.slice(top[2].start, top[2].end)];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

/** Converts WebCrypto's raw r||s ECDSA signature to DER ECDSA-Sig-Value (what SignatureVerifier decodes). */
export function rawEcdsaToDer(raw) {
  const half = raw.length / 2;
  const int = bytes => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) {
      i++;
    }
    let v = bytes.slice(i);
    if (v[0] & 0x80) {
      const padded = new Uint8Array(v.length + 1);
      padded.set(v, 1);
      v = padded;
    }
    return [0x02, ...derLength(v.length), ...v];
  };
  const body = [...int(raw.slice(0, half)), ...int(raw.slice(half))];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

function derLength(n) {
  if (n < 0x80) {
    return [n];
  }
  return n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
}

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('');
}

/** The public half as DER SubjectPublicKeyInfo, derived from the private key's JWK. */
async function publicSpki(privateKey, info) {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  let pub;
  if (info.kind === 'RSA') {
    pub = { kty: 'RSA', n: jwk.n, e: jwk.e };
  } else if (info.kind === 'ED25519') {
    pub = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  } else {
    pub = { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  }
  const verifyKey = await crypto.subtle.importKey('jwk', pub, info.importAlg, true, ['verify']);
  return new Uint8Array(await crypto.subtle.exportKey('spki', verifyKey));
}

/**
 * A participant's signing identity, loaded from PEM text.
 * - participantId: "p-" + the first 20 hex digits of SHA-256 over the DER public key (the registry's KeyPolicy);
 * - kind: EC_P256 | EC_P384 | ED25519 | RSA;
 * - sign(bytes): the signature the node verifies.
 * The private key is a non-extractable CryptoKey after loading.
 */
export class ParticipantKey {
  static async fromPem(text, passphrase) {
    const { label, der } = decodePem(text);
    let pkcs8;
    if (label === 'ENCRYPTED PRIVATE KEY') {
      if (!passphrase) {
        throw new KeyError('PASSPHRASE_REQUIRED', 'this key is encrypted: enter its passphrase');
      }
      pkcs8 = await decryptPkcs8(der, passphrase);
    } else if (label === 'PRIVATE KEY') {
      pkcs8 = der;
    } else {
      throw new KeyError('NOT_PKCS8', `a ${label} PEM is not a PKCS#8 private key`);
    }
    pkcs8 = toPkcs8v1(pkcs8);
    const info = describePkcs8(pkcs8);
    let extractable;
    try {
      extractable = await crypto.subtle.importKey('pkcs8', pkcs8, info.importAlg, true, ['sign']);
    } catch (e) {
      throw new KeyError('UNSUPPORTED_KEY', `the browser cannot import this ${info.kind} key: ${e.message}`);
    }
    const spki = await publicSpki(extractable, info);
    const participantId = 'p-' + (await sha256Hex(spki)).substring(0, 20);
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, info.importAlg, false, ['sign']);
    pkcs8.fill(0);
    return new ParticipantKey(info, key, participantId);
  }

  constructor(info, key, participantId) {
    this.info = info;
    this.kind = info.kind;
    this.key = key;
    this.participantId = participantId;
  }

  async sign(bytes) {
    const sig = new Uint8Array(await crypto.subtle.sign(this.info.signAlg, this.key, bytes));
    return this.kind.startsWith('EC_') ? rawEcdsaToDer(sig) : sig;
  }
}
