// The console's entry point: the login (key loaded into this page only), then the view of the participant's role.
import { h, replace, status } from './dom.js';
import { ParticipantKey } from './keys.js';
import { Session, openGet } from './api.js';
import { enterpriseView } from './enterprise.js';
import { regulatorView } from './regulator.js';
import { courtView } from './court.js';
import { complianceCard } from './regulator.js';

const VIEWS = {
  ENTERPRISE: enterpriseView,
  REGULATOR: regulatorView,
  COURT: courtView,
  ARBITRATOR: courtView,
  VERIFIER: verifierView,
};

let current = null;

function verifierView(session, root) {
  const el = h('div#compliance');
  replace(root, h('div.grid', h('section.card.wide', h('h3', 'Compliance'), el)));
  complianceCard(session, el, new Date().getUTCFullYear());
  return { stop: () => {} };
}

async function nodeStatus() {
  const el = document.getElementById('node-status');
  try {
    const r = await openGet('/health/ready');
    el.textContent = `node ${r.body.status}`;
    el.className = r.body.status === 'UP' ? 'pill ok' : 'pill bad';
  } catch (e) {
    el.textContent = 'node unreachable';
    el.className = 'pill bad';
  }
}

async function login(event) {
  event.preventDefault();
  const pem = document.getElementById('key-pem');
  const passphrase = document.getElementById('key-passphrase');
  const out = document.getElementById('login-status');
  const button = document.getElementById('login-button');
  button.disabled = true;
  status(out, 'info', 'Reading the key…');
  try {
    const key = await ParticipantKey.fromPem(pem.value, passphrase.value);
    status(out, 'info', `Key of ${key.participantId} (${key.kind}); signing the node's challenge…`);
    const session = await Session.login(key);
    pem.value = '';
    passphrase.value = '';
    show(session);
  } catch (err) {
    status(out, 'error', `Login failed: ${err.message}`);
    out.dataset.code = err.code || err.reasonCode || 'ERROR';
  } finally {
    button.disabled = false;
  }
}

function show(session) {
  const view = VIEWS[session.role];
  document.getElementById('login').hidden = true;
  document.getElementById('app').hidden = false;
  document.getElementById('logout').hidden = false;
  const who = document.getElementById('who');
  who.dataset.role = session.role;
  who.dataset.participant = session.participantId;
  replace(who, h('strong', session.legalName || session.participantId), ` · ${session.role} · `,
    h('code', session.participantId), ` · chain ${session.chainId}`);
  const root = document.getElementById('view');
  root.dataset.role = session.role;
  current = view ? view(session, root)
    : (replace(root, h('p.empty', `The console has no view for the role ${session.role}.`)), { stop: () => {} });
}

function logout() {
  if (current) {
    current.stop();
  }
  current = null;
  // Reloading drops the session, its token and the in-memory key.
  window.location.reload();
}

document.getElementById('login-form').addEventListener('submit', login);
document.getElementById('logout').addEventListener('click', logout);
document.getElementById('key-file').addEventListener('change', async e => {
  const f = e.target.files[0];
  if (f) {
    document.getElementById('key-pem').value = await f.text();
    e.target.value = '';
  }
});
nodeStatus();
setInterval(nodeStatus, 5000);
document.body.dataset.ready = 'true';
