// The browser's own look into an evidence bundle, independent of the node's verifier: the bundle is a stored
// (uncompressed) ZIP, so its members are read here directly; SHA256SUMS is checked against SHA-256 of every member
// with WebCrypto, and the bundle's own SHA-256 is compared with what the node announced when it sent it.

function u16(b, p) {
  return b[p] | (b[p + 1] << 8);
}

function u32(b, p) {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

/** Reads the members of a stored ZIP: Map path -> Uint8Array. Throws on anything else. */
export function readStoredZip(bytes) {
  let end = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
    if (u32(bytes, p) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) {
    throw new Error('not a ZIP archive (no end of central directory)');
  }
  const count = u16(bytes, end + 10);
  let p = u32(bytes, end + 16);
  const members = new Map();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (u32(bytes, p) !== 0x02014b50) {
      throw new Error('broken central directory');
    }
    const method = u16(bytes, p + 10);
    const size = u32(bytes, p + 20);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (method !== 0) {
      throw new Error(`member ${name} is compressed; evidence bundles store members`);
    }
    if (u32(bytes, local) !== 0x04034b50) {
      throw new Error(`member ${name}: bad local header`);
    }
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    members.set(name, bytes.subarray(dataStart, dataStart + size));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return members;
}

export async function sha256Hex(bytes) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks a bundle in the browser: {bundleSha256, announcedMatches, members, sums: {listed, matching, mismatched,
 * unlisted}, info, ok}.
 */
export async function browserCheck(bytes, announcedSha256) {
  const bundleSha256 = await sha256Hex(bytes);
  const members = readStoredZip(bytes);
  const sumsText = new TextDecoder().decode(members.get('SHA256SUMS') || new Uint8Array());
  const listed = new Map();
  for (const line of sumsText.split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) {
      listed.set(m[2], m[1]);
    }
  }
  const mismatched = [];
  let matching = 0;
  for (const [path, hex] of listed) {
    const data = members.get(path);
    if (data && (await sha256Hex(data)) === hex) {
      matching++;
    } else {
      mismatched.push(path);
    }
  }
  const unlisted = [...members.keys()].filter(p => p !== 'SHA256SUMS' && !listed.has(p));
  const announcedMatches = announcedSha256 ? announcedSha256 === bundleSha256 : null;
  const info = new TextDecoder().decode(members.get('BUNDLE.txt') || new Uint8Array());
  const ok = listed.size > 0 && mismatched.length === 0 && unlisted.length === 0 && announcedMatches !== false;
  return { bundleSha256, announcedMatches, members: members.size, sums: { listed: listed.size, matching,
    mismatched, unlisted }, info, ok };
}
