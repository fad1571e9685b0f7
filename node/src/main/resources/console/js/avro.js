// Avro binary and single-object encoding, as much of it as CarbonX's signed requests use: records of strings, longs,
// ints, enums, and unions with null. Driven by a schema's Parsing Canonical Form (PCF), whose CRC-64-AVRO fingerprint
// is what the single-object header carries; the same PCF string both selects the bytes and names them, so the two
// cannot drift apart. The Java side (io.carbonx.schemas.EventCodec) is the reference: ConsoleCodecIT checks that
// these bytes equal EventCodec.encode(...) for seeded random requests.

const MASK64 = (1n << 64n) - 1n;
/** CRC-64-AVRO "empty" value (Avro specification, "Schema Fingerprints"). */
const EMPTY = 0xc15d213aa4d7a795n;
const TABLE = (() => {
  const t = new Array(256);
  for (let i = 0; i < 256; i++) {
    let fp = BigInt(i);
    for (let j = 0; j < 8; j++) {
      fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n));
    }
    t[i] = fp & MASK64;
  }
  return t;
})();

const UTF8 = new TextEncoder();

/** CRC-64-AVRO (Rabin) fingerprint of a byte array, as an unsigned 64-bit BigInt. */
export function rabin64(bytes) {
  let fp = EMPTY;
  for (const b of bytes) {
    fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(b)) & 0xffn)];
  }
  return fp & MASK64;
}

/** The single-object header of a schema: C3 01 and the 8-byte little-endian fingerprint of its PCF. */
export function singleObjectHeader(canonicalForm) {
  let fp = rabin64(UTF8.encode(canonicalForm));
  const out = new Uint8Array(10);
  out[0] = 0xc3;
  out[1] = 0x01;
  for (let i = 0; i < 8; i++) {
    out[2 + i] = Number(fp & 0xffn);
    fp >>= 8n;
  }
  return out;
}

/** A growable byte sink. */
class Sink {
  constructor() {
    this.buf = new Uint8Array(128);
    this.len = 0;
  }

  push(b) {
    if (this.len === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = b;
  }

  pushAll(bytes) {
    for (const b of bytes) {
      this.push(b);
    }
  }

  bytes() {
    return this.buf.slice(0, this.len);
  }
}

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const INT_MIN = -(1n << 31n);
const INT_MAX = (1n << 31n) - 1n;

function toBigInt(value, what) {
  if (typeof value === 'bigint') {
    return value;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) {
    return BigInt(value);
  }
  throw new TypeError(`${what} must be an integer, got ${String(value)}`);
}

/** Avro long/int: zig-zag, then base-128 varint, low group first. */
function writeVarLong(sink, value) {
  let n = ((value << 1n) ^ (value >> 63n)) & MASK64;
  while (n > 0x7fn) {
    sink.push(Number((n & 0x7fn) | 0x80n));
    n >>= 7n;
  }
  sink.push(Number(n));
}

function writeValue(sink, schema, value, names, path) {
  if (typeof schema === 'string') {
    switch (schema) {
      case 'null':
        if (value !== null && value !== undefined) {
          throw new TypeError(`${path} must be null`);
        }
        return;
      case 'string': {
        if (typeof value !== 'string') {
          throw new TypeError(`${path} must be a string`);
        }
        const bytes = UTF8.encode(value);
        writeVarLong(sink, BigInt(bytes.length));
        sink.pushAll(bytes);
        return;
      }
      case 'long': {
        const v = toBigInt(value, path);
        if (v < LONG_MIN || v > LONG_MAX) {
          throw new RangeError(`${path} is outside the long range`);
        }
        writeVarLong(sink, v);
        return;
      }
      case 'int': {
        const v = toBigInt(value, path);
        if (v < INT_MIN || v > INT_MAX) {
          throw new RangeError(`${path} is outside the int range`);
        }
        writeVarLong(sink, v);
        return;
      }
      case 'boolean':
        sink.push(value ? 1 : 0);
        return;
      default: {
        const named = names.get(schema);
        if (!named) {
          throw new TypeError(`${path}: unsupported or unknown type ${schema}`);
        }
        writeValue(sink, named, value, names, path);
        return;
      }
    }
  }
  if (Array.isArray(schema)) {
    const isNull = value === null || value === undefined;
    const index = schema.findIndex(branch => (branch === 'null') === isNull);
    if (index < 0) {
      throw new TypeError(`${path}: no union branch for ${String(value)}`);
    }
    writeVarLong(sink, BigInt(index));
    writeValue(sink, schema[index], value, names, path);
    return;
  }
  switch (schema.type) {
    case 'record':
      for (const field of schema.fields) {
        writeValue(sink, field.type, value[field.name], names, `${path}.${field.name}`);
      }
      return;
    case 'enum': {
      const index = schema.symbols.indexOf(value);
      if (index < 0) {
        throw new TypeError(`${path} must be one of ${schema.symbols.join(', ')}`);
      }
      writeVarLong(sink, BigInt(index));
      return;
    }
    default:
      throw new TypeError(`${path}: unsupported schema type ${schema.type}`);
  }
}

/** Collects the named types of a PCF schema (names are full names there) and registers inline definitions. */
function collectNames(schema, names) {
  if (Array.isArray(schema)) {
    schema.forEach(s => collectNames(s, names));
  } else if (schema && typeof schema === 'object') {
    if (schema.name) {
      names.set(schema.name, schema);
    }
    if (schema.type === 'record') {
      schema.fields.forEach(f => collectNames(f.type, names));
    }
  }
}

/**
 * An encoder for one record schema, given as its Parsing Canonical Form.
 * encode(record) returns the single-object encoding (header + Avro binary body) as a Uint8Array.
 */
export class SingleObjectEncoder {
  constructor(canonicalForm) {
    this.canonicalForm = canonicalForm;
    this.schema = JSON.parse(canonicalForm);
    if (this.schema.type !== 'record') {
      throw new TypeError('a single-object encoder needs a record schema');
    }
    this.names = new Map();
    collectNames(this.schema, this.names);
    this.header = singleObjectHeader(canonicalForm);
  }

  /** The fingerprint as 16 lower-case hex digits (big-endian reading of the unsigned value). */
  fingerprintHex() {
    return rabin64(UTF8.encode(this.canonicalForm)).toString(16).padStart(16, '0');
  }

  encode(record) {
    const sink = new Sink();
    sink.pushAll(this.header);
    writeValue(sink, this.schema, record, this.names, this.schema.name);
    return sink.bytes();
  }
}
