// The node's API as the console uses it: challenge-token login with the participant's key (in memory only), JSON
// calls with the bearer token, problem+json errors as ApiError (reasonCode kept), one automatic re-login when the
// short-lived token has expired.
import { signedBody } from './requests.js';

/** A refused or failed call: HTTP status, the problem's reasonCode and detail. */
export class ApiError extends Error {
  constructor(status, reasonCode, detail) {
    super(`${status} ${reasonCode || ''}${detail ? ': ' + detail : ''}`.trim());
    this.status = status;
    this.reasonCode = reasonCode;
    this.detail = detail;
  }
}

async function problemOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return new ApiError(response.status, body && body.reasonCode ? body.reasonCode : (body && body.title) || '',
    body && body.detail ? body.detail : response.statusText);
}

async function post(path, body, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  return fetch(path, { method: 'POST', headers, body: JSON.stringify(body || {}) });
}

/** A logged-in participant. */
export class Session {
  /** Logs in with a ParticipantKey: challenge, signature over its signedText, token; then reads the certificate. */
  static async login(key) {
    const session = new Session(key);
    await session.authenticate();
    const me = await session.get(`/api/v1/participants/${encodeURIComponent(key.participantId)}`);
    session.certificateSerial = me.certificateSerial;
    session.legalName = me.legalName;
    return session;
  }

  constructor(key) {
    this.key = key;
    this.participantId = key.participantId;
    this.token = null;
    this.role = null;
    this.chainId = null;
    this.expiresAtMs = 0;
  }

  async authenticate() {
    const c = await post('/api/v1/auth/challenge', { participantId: this.participantId });
    if (!c.ok) {
      throw await problemOf(c);
    }
    const challenge = await c.json();
    const lines = challenge.signedText.split('\n');
    this.chainId = lines[1];
    const signature = await this.key.sign(new TextEncoder().encode(challenge.signedText));
    const t = await post('/api/v1/auth/token', {
      challengeId: challenge.challengeId,
      signatureBase64: btoa(String.fromCharCode(...signature)),
    });
    if (!t.ok) {
      throw await problemOf(t);
    }
    const token = await t.json();
    this.token = token.token;
    this.role = token.role;
    this.expiresAtMs = token.expiresAtMs;
  }

  /** A raw authenticated fetch; re-authenticates once if the token expired or the node forgot it. */
  async fetch(path, init = {}) {
    const attempt = () => fetch(path, { ...init, headers: { ...(init.headers || {}),
      Authorization: `Bearer ${this.token}` } });
    let r = await attempt();
    if (r.status === 401) {
      await this.authenticate();
      r = await attempt();
    }
    return r;
  }

  async json(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const r = await this.fetch(path, init);
    if (!r.ok) {
      throw await problemOf(r);
    }
    const text = await r.text();
    return text ? JSON.parse(text) : {};
  }

  get(path) {
    return this.json('GET', path);
  }

  post(path, body) {
    return this.json('POST', path, body === undefined ? {} : body);
  }

  /** Signs canonical request bytes and posts {request, signature, certificateSerial} to {@code path}. */
  async postSigned(path, bytes) {
    const signature = await this.key.sign(bytes);
    return { signature, result: await this.post(path, signedBody(bytes, signature, this.certificateSerial)) };
  }
}

/** GET without a token (health). */
export async function openGet(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : {} };
}

export { problemOf };
