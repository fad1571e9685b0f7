// Courts and arbitrators (and the regulator): find evidence by trade, order, default, penalty or participant and
// period; download the bundle; see it verified twice — in this browser (SHA-256 of the bundle as the node announced
// it, every member against SHA256SUMS) and by the node's EvidenceVerifier against the consortium root (every
// check listed). The offline `carbonx evidence verify` with a root the court holds stays the independent path.
import { h, replace, card, table, field, money, qty, time, short, status } from './dom.js';
import { browserCheck } from './zip.js';
import { problemOf } from './api.js';

const KINDS = {
  trade: { path: 'trades', label: 'Trade' },
  order: { path: 'orders', label: 'Order' },
  default: { path: 'defaults', label: 'Default' },
  penalty: { path: 'penalties', label: 'Penalty' },
  participant: { path: 'participants', label: 'Participant (period)' },
};
const ANCHOR_WAIT_TRIES = 120;

export function courtView(session, root) {
  const evidence = evidenceCard(session);
  const leads = h('div#leads');
  replace(root, h('div.grid', evidence.card, h('section.card.wide', h('h3', 'Where to look'), leads)));
  evidenceLeads(session, leads, evidence.fill).catch(err => replace(leads, h('p.status.error', err.message)));
  const timer = setInterval(() => evidenceLeads(session, leads, evidence.fill).catch(() => {}), 5000);
  return { stop: () => clearInterval(timer) };
}

/** The evidence search, download and verification card; fill(kind, id) pre-sets the form. */
export function evidenceCard(session) {
  const kind = h('select#evidence-kind', Object.entries(KINDS).map(([k, v]) => h('option', { value: k }, v.label)));
  const id = h('input#evidence-id', { type: 'text', placeholder: 'trade, order, default, penalty or participant id',
    size: '40' });
  const from = h('input#evidence-from', { type: 'datetime-local' });
  const to = h('input#evidence-to', { type: 'datetime-local' });
  const period = h('div.row#evidence-period', { hidden: true }, field('From (UTC)', from), field('To (UTC)', to));
  const state = h('p#evidence-status', { role: 'status' });
  const outcome = h('div#evidence-outcome');
  const file = h('input#bundle-file', { type: 'file', accept: '.zip,application/zip' });
  kind.addEventListener('change', () => { period.hidden = kind.value !== 'participant'; });
  const go = h('button#evidence-fetch', { type: 'submit' }, 'Find and verify');
  const form = h('form#evidence-form', { onsubmit: async e => {
    e.preventDefault();
    go.disabled = true;
    try {
      await fetchBundle(session, kind.value, id.value.trim(), from.value, to.value, state, outcome);
    } finally {
      go.disabled = false;
    }
  } }, h('div.row', field('Evidence about', kind), field('Id', id)), period, go);
  file.addEventListener('change', async () => {
    if (file.files.length) {
      const bytes = new Uint8Array(await file.files[0].arrayBuffer());
      status(state, 'info', `Verifying ${file.files[0].name} (${bytes.length} bytes)…`);
      await showVerification(session, bytes, null, file.files[0].name, state, outcome);
    }
  });
  const fill = (k, value) => {
    kind.value = k;
    period.hidden = k !== 'participant';
    id.value = value;
    id.focus();
  };
  const section = card('Evidence', form, h('p.hint', 'Or verify a bundle you already have: ', file), state, outcome);
  section.classList.add('wide');
  return { fill, card: section };
}

async function fetchBundle(session, kind, id, from, to, state, outcome) {
  if (!id) {
    status(state, 'error', 'Enter an id.');
    return;
  }
  let path = `/api/v1/evidence/${KINDS[kind].path}/${encodeURIComponent(id)}`;
  if (kind === 'participant') {
    const q = new URLSearchParams();
    if (from) {
      q.set('from', String(Date.parse(`${from}Z`)));
    }
    if (to) {
      q.set('to', String(Date.parse(`${to}Z`)));
    }
    path += q.toString() ? `?${q}` : '';
  }
  replace(outcome);
  for (let attempt = 1; attempt <= ANCHOR_WAIT_TRIES; attempt++) {
    status(state, 'info', attempt === 1 ? `Fetching evidence about ${kind} ${id}…`
      : `Waiting for the events to be anchored and time-stamped (try ${attempt})…`);
    const r = await session.fetch(path, { headers: { Accept: 'application/zip' } });
    if (r.ok) {
      const bytes = new Uint8Array(await r.arrayBuffer());
      const name = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
      await showVerification(session, bytes, r.headers.get('X-Carbonx-Bundle-Sha256'),
        name ? name[1] : `carbonx-evidence-${kind}-${id}.zip`, state, outcome);
      return;
    }
    const problem = await problemOf(r);
    if (r.status !== 409) {
      status(state, 'error', `No evidence: ${problem.message}`);
      state.dataset.reason = problem.reasonCode || String(r.status);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 1000 * Number(r.headers.get('Retry-After') || '1')));
  }
  status(state, 'error', 'The events are still not anchored; try again later.');
}

async function showVerification(session, bytes, announced, fileName, state, outcome) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  let local;
  try {
    local = await browserCheck(bytes, announced);
  } catch (err) {
    local = { ok: false, error: err.message, sums: { listed: 0, matching: 0, mismatched: [], unlisted: [] } };
  }
  let server;
  try {
    const r = await session.fetch('/api/v1/evidence-verifications', { method: 'POST',
      headers: { 'Content-Type': 'application/zip', Accept: 'application/json' }, body: bytes });
    server = r.ok ? await r.json() : { error: (await problemOf(r)).message };
  } catch (err) {
    server = { error: err.message };
  }
  const valid = !server.error && server.valid === true && local.ok;
  status(state, valid ? 'ok' : 'error', valid ? 'Evidence retrieved and verified.' : 'Evidence NOT verified.');
  replace(outcome,
    h('p#evidence-verdict', { class: `verdict ${valid ? 'ok' : 'bad'}`, dataset: { valid: String(valid) } },
      valid ? `VALID: ${server.passed} of ${server.passed + server.failed} checks passed (${server.subject}, `
        + `${server.eventCount} events, latest block ${server.latestHeight})`
        : `INVALID${server.error ? ': ' + server.error : server.failed ? `: ${server.failed} check${server.failed === 1 ? '' : 's'} failed` : ''}`),
    h('p', h('a#evidence-download', { href: url, download: fileName }, `Download ${fileName}`),
      ` (${bytes.length} bytes, SHA-256 ${local.bundleSha256 || '–'})`),
    h('h4', 'Checked in this browser'),
    h('ul#browser-check',
      h('li', announced ? (local.announcedMatches ? 'The bundle\'s SHA-256 is the one the node announced.'
        : 'The bundle\'s SHA-256 differs from what the node announced!') : 'No announced SHA-256 (local file).'),
      h('li', local.error ? `Not readable: ${local.error}` : `${local.sums.matching} of ${local.sums.listed} members `
        + `match SHA256SUMS${local.sums.mismatched.length ? '; mismatched: ' + local.sums.mismatched.join(', ') : ''}`
        + `${local.sums.unlisted.length ? '; not listed: ' + local.sums.unlisted.join(', ') : ''}.`)),
    local.info ? h('pre.bundle-info', local.info) : null,
    h('h4', 'Checked by the node\'s verifier'),
    server.trustedRoot ? h('p.hint', `Against the consortium root ${server.trustedRoot.subject} (SHA-256 `
      + `${server.trustedRoot.sha256}). Compare it with the root you hold, or verify offline: `
      + `carbonx evidence verify ${fileName}`) : null,
    server.checks ? table([
      { label: '', value: c => h('span', { class: c.passed ? 'ok' : 'bad' }, c.passed ? 'PASS' : 'FAIL') },
      { label: 'Check', value: c => c.name },
      { label: 'Detail', value: c => c.passed ? c.detail : `[${c.reason}] ${c.detail}` }],
    server.checks, { id: 'evidence-checks' }) : null);
}

/** Trades, defaults, penalties and participants the court can click to fill the form. */
async function evidenceLeads(session, el, fill) {
  const year = new Date().getUTCFullYear();
  const [settlements, defaults, participants, compliance] = await Promise.all([
    session.get('/api/v1/settlements'), session.get('/api/v1/defaults'), session.get('/api/v1/participants'),
    session.get(`/api/v1/compliance/${year}`).catch(() => ({ items: [] }))]);
  const pick = (kind, value) => h('button.pick', { type: 'button', dataset: { kind, id: value },
    onclick: () => fill(kind, value) }, 'Use');
  const penalties = (compliance.items || []).filter(r => r.penalty);
  replace(el,
    h('h4', 'Settled trades'),
    table([
      { label: 'Trade', value: s => h('code', s.tradeId) },
      { label: 'Deal', value: s => `${qty(s.quantity)} ${s.instrumentId} @ ${money(s.priceMinor)}` },
      { label: 'Buyer / seller', value: s => `${short(s.buyerId)} / ${short(s.sellerId)}` },
      { label: 'Traded', value: s => time(s.tradeTimeMs) },
      { label: '', value: s => pick('trade', s.tradeId) }],
    [...(settlements.items || [])].reverse().slice(0, 20), { empty: 'No settled trades yet.', keyOf: s => s.tradeId,
      id: 'lead-trades' }),
    h('h4', 'Defaults'),
    table([
      { label: 'Default', value: d => h('code', d.defaultId) },
      { label: 'Kind', value: d => d.kind },
      { label: 'Defaulter', value: d => short(d.defaulterId) },
      { label: '', value: d => pick('default', d.defaultId) }],
    defaults.items || [], { empty: 'No defaults.', keyOf: d => d.defaultId, id: 'lead-defaults' }),
    h('h4', `Penalties ${year}`),
    table([
      { label: 'Penalty', value: r => h('code', r.penalty.penaltyId) },
      { label: 'Participant', value: r => short(r.participantId) },
      { label: 'Amount', value: r => money(r.penalty.amountMinor) },
      { label: '', value: r => pick('penalty', r.penalty.penaltyId) }],
    penalties, { empty: 'No penalties.', id: 'lead-penalties' }),
    h('h4', 'Participants'),
    table([
      { label: 'Participant', value: p => h('code', p.participantId) },
      { label: 'Name', value: p => p.legalName },
      { label: 'Role', value: p => p.role },
      { label: '', value: p => pick('participant', p.participantId) }],
    participants.items || [], { keyOf: p => p.participantId, id: 'lead-participants' }));
}
