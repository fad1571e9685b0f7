// The regulator's console: chain height and validator health, the replay check, accounts with freeze / unfreeze /
// cancel, settlements, defaults with forfeited deposits, the compliance table and penalties per year, ratings.
import { h, replace, card, table, money, qty, time, short, status } from './dom.js';
import { barChart } from './charts.js';
import { openGet } from './api.js';
import { chainCard } from './health.js';
import { evidenceCard } from './court.js';

const REFRESH_MS = 3000;

export function regulatorView(session, root) {
  const chain = h('div#chain');
  const replay = h('div#replay');
  const accounts = h('div#accounts');
  const settlements = h('div#settlements');
  const defaults = h('div#defaults');
  const compliance = h('div#compliance');
  const ratings = h('div#ratings');
  const year = h('input#compliance-year', { type: 'number', value: String(new Date().getUTCFullYear()),
    min: '2000', max: '2100' });
  const refresh = async () => {
    const health = await openGet('/health');
    replace(chain, chainCard(health.body));
    await Promise.all([accountsCard(session, accounts, refresh), settlementsCard(session, settlements),
      defaultsCard(session, defaults), complianceCard(session, compliance, Number(year.value)),
      ratingsCard(session, ratings)]);
    root.dataset.refreshed = String(Date.now());
  };
  replace(root, h('div.grid',
    card('Chain and validators', chain),
    card('Replay check', h('p.hint', 'Recomputes the registry\'s state hashes from its committed journal and compares '
      + 'them with the live ledger and the read model; shows each service\'s own replay verification.'),
    h('button#replay-run', { type: 'button', onclick: () => replayCheck(session, replay) }, 'Run replay check'),
    replay),
    h('section.card.wide', h('h3', 'Accounts'), accounts),
    card('Settlements', settlements),
    card('Defaults and forfeited deposits', defaults),
    h('section.card.wide', h('h3', 'Compliance and penalties'), h('label', 'Year ', year), compliance),
    card('Credit ratings', ratings),
    evidenceCard(session).card));
  year.addEventListener('change', () => complianceCard(session, compliance, Number(year.value)));
  refresh().catch(err => replace(chain, h('p.status.error', `could not load: ${err.message}`)));
  const timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
  return { stop: () => clearInterval(timer) };
}

/** The registry's replay check plus the services' replay facts from /health. */
export async function replayCheck(session, el) {
  replace(el, h('p.status.info', 'Replaying the journal…'));
  try {
    const [state, health] = await Promise.all([session.get('/api/v1/registry/state'), openGet('/health')]);
    const c = health.body.components || {};
    const rows = [
      { what: 'Registry: live ledger vs read model', ok: state.consistent,
        detail: `${state.journalEntries} entries, ledger ${short(state.ledgerHash, 16)}, identity `
          + `${short(state.identityHash, 16)}` },
      { what: 'Registry: rebuilt from the journal vs live', ok: state.replayConsistent,
        detail: state.rebuilt ? `${state.rebuilt.journalEntries} entries, ledger ${short(state.rebuilt.ledgerHash, 16)}`
          : 'no rebuild' },
    ];
    const exchange = c.exchange && c.exchange.partitions ? c.exchange.partitions : [];
    for (const p of exchange) {
      rows.push({ what: `Exchange: orders partition ${p.partition} replayed at start vs checkpoint`,
        ok: p.verification === 'VERIFIED' ? true : p.verification === 'MISMATCH' ? false : null,
        detail: `${p.verification}, ${p.replayed} records replayed, next offset ${p.nextOffset}; `
          + Object.entries(p.stateHashes || {}).map(([i, hash]) => `${i} ${short(hash, 12)}`).join(', ') });
    }
    const rating = c['credit-rating'];
    if (rating && rating.partitions) {
      for (const p of rating.partitions) {
        rows.push({ what: `Credit rating: journal partition ${p.partition}`, ok: null,
          detail: `state ${short(p.stateHash, 16)} at offset ${p.lastProcessedOffset}` });
      }
    }
    const verdict = rows.every(r => r.ok !== false) && state.replayConsistent !== false;
    replace(el,
      h('p#replay-verdict.status', { class: `status ${verdict ? 'ok' : 'error'}`, dataset: { ok: String(verdict) } },
        verdict ? 'State hashes agree.' : 'A state hash differs: see below.'),
      table([
        { label: 'Check', value: r => r.what },
        { label: 'Result', value: r => r.ok === true ? 'equal' : r.ok === false ? 'DIFFERENT' : 'n/a' },
        { label: 'Detail', value: r => r.detail }], rows, { id: 'replay-table' }),
      h('p.hint', 'The independent replay of every service from the log is `carbonx replay`.'));
  } catch (err) {
    replace(el, h('p#replay-verdict.status.error', `Replay check failed: ${err.message}`));
  }
}

async function accountsCard(session, el, refresh) {
  const active = document.activeElement;
  if (active && active.tagName === 'INPUT' && el.contains(active)) {
    return; // someone is typing a reason: keep the table as it is until the next refresh
  }
  const { items } = await session.get('/api/v1/accounts');
  const message = el.querySelector('#account-action') || h('p#account-action', { role: 'status' });
  const act = (id, action) => async () => {
    const reason = el.querySelector(`input[data-reason="${id}"]`).value;
    try {
      const r = await session.post(`/api/v1/accounts/${encodeURIComponent(id)}/${action}`, { reason });
      status(message, 'ok', `${action} ${id}: ${(r.events || []).map(e => e.type).join(', ') || 'done'}`);
      message.dataset.done = `${action}:${id}`;
      refresh();
    } catch (err) {
      status(message, 'error', `${action} ${id} refused: ${err.message}`);
    }
  };
  replace(el, table([
    { label: 'Participant', value: a => h('code', a.participantId) },
    { label: 'Role', value: a => a.role },
    { label: 'Status', value: a => h('span.account-status', a.status) },
    { label: 'Grade', value: a => a.grade },
    { label: 'Cash', value: a => money(a.cashMinor), cls: 'num' },
    { label: 'Locked', value: a => money(a.lockedCashMinor), cls: 'num' },
    { label: 'Debt', value: a => money(a.debtMinor), cls: 'num' },
    { label: 'Defaults', value: a => a.defaults, cls: 'num' },
    { label: 'Action', value: a => a.system ? '–' : h('span.actions',
      h('input', { type: 'text', placeholder: 'reason', dataset: { reason: a.participantId } }),
      a.status === 'ACTIVE' ? h('button.freeze', { type: 'button', onclick: act(a.participantId, 'freeze') }, 'Freeze')
        : null,
      a.status === 'FROZEN' ? h('button.unfreeze', { type: 'button', onclick: act(a.participantId, 'unfreeze') },
        'Unfreeze') : null,
      a.status === 'FROZEN' ? h('button.cancel-account.danger', { type: 'button',
        onclick: act(a.participantId, 'cancel') }, 'Cancel account') : null) }],
  (items || []).filter(a => !a.system), { keyOf: a => a.participantId, id: 'accounts-table' }), message);
}

async function settlementsCard(session, el) {
  const { items } = await session.get('/api/v1/settlements');
  replace(el, table([
    { label: 'Trade', value: s => h('code', { title: s.tradeId }, short(s.tradeId, 20)) },
    { label: 'Instrument', value: s => s.instrumentId },
    { label: 'Qty', value: s => qty(s.quantity), cls: 'num' },
    { label: 'Price', value: s => money(s.priceMinor), cls: 'num' },
    { label: 'Notional', value: s => money(s.notionalMinor), cls: 'num' },
    { label: 'Buyer / seller', value: s => `${short(s.buyerId)} / ${short(s.sellerId)}` },
    { label: 'Traded', value: s => time(s.tradeTimeMs) }],
  [...(items || [])].reverse(), { empty: 'No settlements yet.', keyOf: s => s.tradeId, id: 'settlements-table' }));
}

async function defaultsCard(session, el) {
  const { items } = await session.get('/api/v1/defaults');
  replace(el, table([
    { label: 'Default', value: d => h('code', { title: d.defaultId }, short(d.defaultId, 20)) },
    { label: 'Kind', value: d => d.kind },
    { label: 'Defaulter', value: d => short(d.defaulterId) },
    { label: 'Counterparty', value: d => short(d.counterpartyId) },
    { label: 'Amount', value: d => money(d.amountMinor), cls: 'num' },
    { label: 'Deposit forfeited', value: d => d.forfeit ? `${money(d.forfeit.amountMinor)} → `
      + `${short(d.forfeit.toParticipantId)}` : '–' },
    { label: 'Uncovered', value: d => d.forfeit ? money(d.forfeit.uncoveredLossMinor) : '–', cls: 'num' }],
  items || [], { empty: 'No defaults.', keyOf: d => d.defaultId, id: 'defaults-table' }));
}

/** The compliance table of a year (any oversight role), with a chart and its penalties. */
export async function complianceCard(session, el, year) {
  const t = await session.get(`/api/v1/compliance/${year}`);
  const rows = t.items || [];
  replace(el,
    h('p.hint', `${year}: ${t.settled ? 'settled' : 'not settled yet'}`),
    barChart(rows.map(r => ({ label: short(r.participantId, 10), values: [
      { name: 'obligation', value: r.obligationTonnes || 0, cls: 'obligation' },
      { name: 'surrendered', value: (r.surrenderedAllowances || 0) + (r.surrenderedOffsets || 0),
        cls: 'surrendered' }] })), { title: `Compliance ${year}: obligation and surrendered tonnes` }),
    table([
      { label: 'Participant', value: r => h('code', r.participantId) },
      { label: 'Emissions', value: r => r.emissionsRecorded ? qty(r.emissionsTonnes) : 'not recorded', cls: 'num' },
      { label: 'Carried in', value: r => qty(r.carriedInTonnes), cls: 'num' },
      { label: 'Obligation', value: r => qty(r.obligationTonnes), cls: 'num' },
      { label: 'Allowances', value: r => qty(r.surrenderedAllowances), cls: 'num' },
      { label: 'Offsets', value: r => qty(r.surrenderedOffsets), cls: 'num' },
      { label: 'Shortfall', value: r => r.shortfallTonnes === null ? '–' : qty(r.shortfallTonnes), cls: 'num' },
      { label: 'Penalty', value: r => r.penalty ? `${money(r.penalty.amountMinor)} (${r.penalty.policy}, `
        + `paid ${money(r.penalty.paidMinor)}, id ${r.penalty.penaltyId})` : '–' }],
    rows, { empty: `No compliance records for ${year}.`, keyOf: r => r.participantId, id: 'compliance-table' }));
}

async function ratingsCard(session, el) {
  const list = await session.get('/api/v1/ratings');
  replace(el, table([
    { label: 'Participant', value: r => h('code', r.participantId) },
    { label: 'Grade', value: r => r.grade },
    { label: 'Score', value: r => r.score, cls: 'num' },
    { label: 'Last change', value: r => `${r.previousGrade} → ${r.grade} (${r.causeEventType})` },
    { label: 'When', value: r => time(r.logicalTimeMs) }],
  list.ratings || [], { empty: 'No ratings yet.', keyOf: r => r.participantId, id: 'ratings-table' }));
}
