// Node health as people read it: every component's status, the chain's height, view and primary, and each local
// validator (running, height, view, connected peers) from the chain-anchor's /health details.
import { h, table } from './dom.js';

export function chainCard(health) {
  const components = health.components || {};
  const chain = components['chain-anchor'] || {};
  const validators = Array.isArray(chain.validators) ? chain.validators : [];
  return h('div',
    h('dl.facts',
      h('dt', 'Node'), h('dd#node-health', { dataset: { status: health.status } }, health.status || '–'),
      h('dt', 'Chain'), h('dd', chain.chainId || '–'),
      h('dt', 'Height'), h('dd#chain-height', { dataset: { height: String(chain.height ?? -1) } },
        chain.height === undefined ? '–' : String(chain.height)),
      h('dt', 'View / primary'), h('dd', chain.view === undefined ? '–' : `${chain.view} / ${chain.primary}`),
      h('dt', 'Events not yet anchored'), h('dd', chain.lagEvents === undefined ? '–' : String(chain.lagEvents))),
    table([
      { label: 'Validator', value: v => String(v.id) },
      { label: 'State', value: v => h('span', { class: v.running ? 'ok' : 'bad' }, v.running ? 'running'
        : `down${v.failure ? ': ' + v.failure : ''}`) },
      { label: 'Height', value: v => v.height, cls: 'num' },
      { label: 'View', value: v => v.view, cls: 'num' },
      { label: 'Peers', value: v => (v.connectedPeers || []).join(', ') || '–' }],
    validators, { empty: 'No validator runs on this node.', keyOf: v => String(v.id), id: 'validators-table' }),
    h('h4', 'Services'),
    table([
      { label: 'Component', value: ([name]) => name },
      { label: 'Status', value: ([, c]) => h('span', { class: c.status === 'UP' ? 'ok' : 'bad' },
        c.status + (c.reason ? `: ${c.reason}` : '')) }],
    Object.entries(components), { keyOf: ([name]) => name, id: 'components-table' }));
}
