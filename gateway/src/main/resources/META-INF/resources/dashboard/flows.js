// View 2: relocation and cooperation projects as arcs origin → destination, filtered, each arc listing its projects.
import * as L from 'leaflet';
import { count, getAll, getJson } from './api.js';
import { name, t } from './i18n.js';
import { plainMap } from './network.js';
import { regionsByCode } from './regions.js';
import { h, number, showError, showLoading } from './ui.js';

/** @typedef {import('./types.js').Flows} Flows */
/** @typedef {import('./types.js').Project} Project */

const STATUSES = ['proposed', 'signed', 'approved', 'under-construction', 'operational', 'completed', 'suspended', 'cancelled'];

/**
 * Points along a curved arc from a to b, bending to the left of the direction of travel.
 * @param {L.LatLng} a
 * @param {L.LatLng} b
 */
function arc(a, b) {
  const bend = 0.2;
  const control = L.latLng((a.lat + b.lat) / 2 - (b.lng - a.lng) * bend, (a.lng + b.lng) / 2 + (b.lat - a.lat) * bend);
  /** @type {L.LatLng[]} */
  const points = [];
  for (let i = 0; i <= 24; i++) {
    const s = i / 24;
    points.push(L.latLng((1 - s) ** 2 * a.lat + 2 * (1 - s) * s * control.lat + s ** 2 * b.lat,
      (1 - s) ** 2 * a.lng + 2 * (1 - s) * s * control.lng + s ** 2 * b.lng));
  }
  return points;
}

/**
 * @param {string} id
 * @param {string} label
 * @param {string[]} values
 * @param {string} anyLabel
 */
function select(id, label, values, anyLabel) {
  const element = /** @type {HTMLSelectElement} */ (h('select', { id }, [h('option', { value: '' }, [anyLabel]), ...values.map((v) => h('option', { value: v }, [v]))]));
  return { label: h('label', { for: id }, [label]), element };
}

/**
 * @param {HTMLElement} main
 */
export async function flowsView(main) {
  const [kinds, chains] = await Promise.all([
    getJson('/api/projects/stats', { groupBy: 'kind' }), getJson('/api/projects/stats', { groupBy: 'chain' }),
  ]).then((stats) => stats.map((s) => /** @type {import('./types.js').ProjectStats} */ (s).groups.map((g) => g.key).filter((k) => k)));
  const measure = select('flow-measure', t('flows.measure'), [], t('flows.count'));
  measure.element.append(h('option', { value: 'investment' }, [t('flows.investment')]));
  const level = select('flow-level', t('flows.level'), [], t('flows.province'));
  level.element.append(h('option', { value: 'prefecture' }, [t('flows.prefecture')]));
  const kind = select('flow-kind', t('flows.kind'), kinds, t('flows.any'));
  const chain = select('flow-chain', t('flows.chain'), chains, t('flows.any'));
  const status = select('flow-status', t('flows.status'), STATUSES, t('flows.any'));
  const from = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id: 'flow-from', min: '1990', max: '2100', placeholder: t('flows.any') }));
  const to = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id: 'flow-to', min: '1990', max: '2100', placeholder: t('flows.any') }));
  const mapElement = h('div', { id: 'flow-map', class: 'map', role: 'region' });
  const tableArea = h('div', { id: 'flow-table', class: 'table-wrap' });
  const projectsArea = h('div', { id: 'flow-projects', class: 'detail', 'aria-live': 'polite' }, [h('p', {}, [t('flows.pick')])]);
  main.replaceChildren(h('section', { class: 'view', 'aria-labelledby': 'view-title' }, [
    h('h2', { id: 'view-title' }, [t('flows.title')]),
    h('div', { class: 'controls' }, [measure.label, measure.element, level.label, level.element, kind.label, kind.element,
      chain.label, chain.element, status.label, status.element,
      h('label', { for: 'flow-from' }, [t('flows.from')]), from, h('label', { for: 'flow-to' }, [t('flows.to')]), to]),
    mapElement, h('div', { class: 'columns' }, [tableArea, projectsArea]),
  ]));
  const regions = await regionsByCode();
  const map = await plainMap(mapElement, t('flows.title'));
  const arcs = L.layerGroup().addTo(map);
  let generation = 0;

  const filters = () => ({ kind: kind.element.value, chain: chain.element.value, status: status.element.value,
    signedFrom: from.value, signedTo: to.value });

  async function draw() {
    const mine = ++generation;
    showLoading(tableArea);
    try {
      /** @type {Flows} */
      const flows = await getJson('/api/projects/flows', { by: 'origin,destination', measure: measure.element.value || 'count',
        level: level.element.value || 'province', from: from.value, to: to.value });
      const filtered = kind.element.value || chain.element.value || status.element.value;
      // the flows matrix has no kind, chain or status filter: the list answers those, one count per pair
      const values = filtered
        ? await Promise.all(flows.flows.map((f) => count('/api/projects', { origin: f.origin, destination: f.destination, ...filters() })))
        : flows.flows.map((f) => f.value);
      if (mine !== generation) {
        return;
      }
      const shown = flows.flows.map((f, i) => ({ origin: f.origin, destination: f.destination, value: values[i] }))
        .filter((f) => f.value > 0).sort((a, b) => b.value - a.value);
      const max = Math.max(1, ...shown.map((f) => f.value));
      arcs.clearLayers();
      const unit = filtered || !measure.element.value ? t('flows.count') : t('flows.investment');
      const rows = [];
      for (const flow of shown) {
        const a = regions.get(flow.origin);
        const b = regions.get(flow.destination);
        const label = `${name(a, flow.origin)} → ${name(b, flow.destination)}: ${number(flow.value)}`;
        if (a && b && flow.origin !== flow.destination) {
          L.polyline(arc(L.latLng(a.lat, a.lon), L.latLng(b.lat, b.lon)), {
            weight: 2 + 12 * (flow.value / max), color: '#8e44ad', opacity: 0.7, className: `arc arc-${flow.origin}-${flow.destination}`,
          }).bindTooltip(label).on('click', () => listProjects(flow.origin, flow.destination)).addTo(arcs);
          L.circleMarker([b.lat, b.lon], { radius: 4, color: '#8e44ad', fillOpacity: 1, interactive: false }).addTo(arcs);
        }
        const button = h('button', { type: 'button', class: 'link-button' }, [`${name(a, flow.origin)} → ${name(b, flow.destination)}`]);
        button.addEventListener('click', () => listProjects(flow.origin, flow.destination));
        rows.push(h('tr', { 'data-origin': flow.origin, 'data-destination': flow.destination }, [
          h('th', { scope: 'row' }, [button]), h('td', { class: 'value' }, [number(flow.value)]),
        ]));
      }
      tableArea.replaceChildren(h('table', { id: 'flows-table' }, [
        h('caption', {}, [`${t('flows.table')} (${unit})`]),
        h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, [`${t('flows.origin')} → ${t('flows.destination')}`]), h('th', { scope: 'col' }, [t('flows.value')])])]),
        h('tbody', {}, rows),
      ]));
    } catch (error) {
      showError(tableArea, error, draw);
    }
  }

  /**
   * @param {string} origin
   * @param {string} destination
   */
  async function listProjects(origin, destination) {
    showLoading(projectsArea);
    try {
      /** @type {Project[]} */
      const projects = await getAll('/api/projects', { origin, destination, ...filters(), sort: '-signed,id' });
      const title = t('flows.projects', { origin: name(regions.get(origin), origin), destination: name(regions.get(destination), destination) });
      projectsArea.replaceChildren(h('h3', { tabindex: '-1', id: 'flow-projects-title' }, [title]),
        h('ul', { id: 'flow-project-list' }, projects.map((p) => {
          const history = h('details', { 'data-project': p.id }, [h('summary', {}, [t('flows.history')])]);
          history.addEventListener('toggle', () => showHistory(history, p.id), { once: true });
          return h('li', {}, [
            h('b', {}, [name(p, p.ref)]), ` · ${p.kind} · ${p.status}${p.signedYear ? ` · ${p.signedYear}` : ''} `,
            h('a', { href: `/api/projects/${encodeURIComponent(p.id)}/history`, class: 'api-link' }, ['JSON']), history,
          ]);
        })));
      /** @type {HTMLElement} */ (projectsArea.querySelector('#flow-projects-title')).focus();
    } catch (error) {
      showError(projectsArea, error, () => listProjects(origin, destination));
    }
  }

  /**
   * @param {HTMLElement} where
   * @param {string} id
   */
  async function showHistory(where, id) {
    try {
      /** @type {import('./types.js').ProjectHistory} */
      const history = await getJson(`/api/projects/${encodeURIComponent(id)}/history`);
      where.append(h('ol', { class: 'history' }, history.changes.map((c) => h('li', {}, [
        `${c.effective} · ${c.change}${c.fields?.status ? ` → ${/** @type {{to: string}} */ (c.fields.status).to}` : ''}${c.note ? ` · ${c.note}` : ''}`,
      ]))));
    } catch (error) {
      const area = h('div');
      where.append(area);
      showError(area, error, () => showHistory(where, id));
    }
  }

  for (const control of [measure.element, level.element, kind.element, chain.element, status.element, from, to]) {
    control.addEventListener('change', draw);
  }
  await draw();
  return {
    /** @param {{type: string}} event */
    onEvent(event) {
      if (event.type.startsWith('jjj.projects.')) {
        draw();
      }
    },
    close() {
      map.remove();
    },
  };
}
