// View 1: the network through time. Stations and links open on the slider's date, isochrone bands from a station,
// and the minutes each region gained towards a target between two dates.
import * as L from 'leaflet';
import { getGeoJson, getJson } from './api.js';
import { name, t } from './i18n.js';
import { regionsByCode } from './regions.js';
import { h, isoDate, number, showError } from './ui.js';

/** @typedef {import('./types.js').IsochroneNode} IsochroneNode */
/** @typedef {import('./types.js').Accessibility} Accessibility */

const FIRST_DAY = new Date('2008-01-01T00:00:00Z');
const DAY = 86_400_000;
const BANDS = [30, 60, 90];
const MODE_COLOURS = /** @type {Record<string, string>} */ ({ hsr: '#c0392b', intercity: '#d35400', rail: '#7f8c8d', metro: '#2c3e50', expressway: '#16a085' });
const BAND_COLOURS = /** @type {Record<number, string>} */ ({ 30: '#1a9850', 60: '#fee08b', 90: '#d73027' });

/** The extent of the cluster, so the map opens on it without any tile server. */
export const CLUSTER_BOUNDS = L.latLngBounds([36.5, 114.3], [41.0, 119.7]);

/**
 * A Leaflet map on a plain background, with the regions' names as the only base layer.
 * @param {HTMLElement} element
 * @param {string} label
 */
export async function plainMap(element, label) {
  const map = L.map(element, { zoomSnap: 0.25, minZoom: 5, maxZoom: 12, attributionControl: false, keyboard: true });
  map.fitBounds(CLUSTER_BOUNDS);
  element.setAttribute('aria-label', label);
  const regions = await regionsByCode();
  const labels = L.layerGroup().addTo(map);
  for (const region of regions.values()) {
    if (region.level === 'province' || region.level === 'prefecture') {
      L.circleMarker([region.lat, region.lon], { radius: 0, stroke: false, interactive: false, className: 'region-anchor' })
        .bindTooltip(name({ nameEn: region.nameEn, nameZh: region.nameZh }).split(' · ')[0],
          { permanent: true, direction: 'center', className: `region-label region-${region.level}` })
        .addTo(labels);
    }
  }
  return map;
}

/** @param {number} days */
function dayToDate(days) {
  return isoDate(new Date(FIRST_DAY.getTime() + days * DAY));
}

/** @param {string} date */
function dateToDay(date) {
  return Math.round((new Date(`${date}T00:00:00Z`).getTime() - FIRST_DAY.getTime()) / DAY);
}

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params
 */
export async function networkView(main, params) {
  const today = isoDate(new Date());
  const lastDay = dateToDay(today);
  const date = params.get('date') ?? today;
  const slider = /** @type {HTMLInputElement} */ (h('input', { type: 'range', id: 'date-slider', min: '0', max: String(lastDay), step: '1', value: String(dateToDay(date)) }));
  const dateInput = /** @type {HTMLInputElement} */ (h('input', { type: 'date', id: 'date-input', min: isoDate(FIRST_DAY), max: today, value: date, 'aria-label': t('network.date') }));
  const play = h('button', { type: 'button', id: 'play', 'aria-pressed': 'false' }, [t('network.play')]);
  const stationSelect = /** @type {HTMLSelectElement} */ (h('select', { id: 'station-select' }, [h('option', { value: '' }, [t('network.none')])]));
  const compare = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'compare' }));
  const compareDate = /** @type {HTMLInputElement} */ (h('input', { type: 'date', id: 'compare-date', min: isoDate(FIRST_DAY), max: today, value: '2010-01-01', 'aria-label': t('network.compare') }));
  const compareTarget = /** @type {HTMLSelectElement} */ (h('select', { id: 'compare-target' }));
  const summary = h('p', { id: 'network-summary', role: 'status', 'aria-live': 'polite' });
  const mapElement = h('div', { id: 'map', class: 'map', role: 'region' });
  const detail = h('div', { id: 'network-detail', class: 'detail' });
  main.replaceChildren(h('section', { class: 'view', 'aria-labelledby': 'view-title' }, [
    h('h2', { id: 'view-title' }, [t('network.title')]),
    h('div', { class: 'controls' }, [
      h('label', { for: 'date-slider' }, [t('network.date')]), slider, dateInput, play,
      h('label', { for: 'station-select' }, [t('network.station')]), stationSelect,
      h('label', { class: 'inline' }, [compare, ` ${t('network.compare')}`]), compareDate,
      h('label', { for: 'compare-target' }, [t('network.compareTo')]), compareTarget,
    ]),
    summary, mapElement, detail,
  ]));

  const regions = await regionsByCode();
  for (const code of ['110000', '120000', '133100']) {
    const region = regions.get(code);
    compareTarget.append(h('option', { value: code }, [name(region, code)]));
  }
  const map = await plainMap(mapElement, t('network.title'));
  const linkLayer = L.layerGroup().addTo(map);
  const stationLayer = L.layerGroup().addTo(map);
  const bandLayer = L.layerGroup().addTo(map);
  const gainLayer = L.layerGroup().addTo(map);
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let player;
  let generation = 0;

  const currentDate = () => dateInput.value || today;

  async function drawNetwork() {
    const asOf = currentDate();
    const mine = ++generation;
    mapElement.setAttribute('aria-busy', 'true');
    try {
      const [nodes, links] = await Promise.all([
        getGeoJson('/api/transport/nodes', { asOf, size: 1000 }),
        getGeoJson('/api/transport/links', { asOf, size: 1000 }),
      ]);
      if (mine !== generation) {
        return;
      }
      const yearBefore = isoDate(new Date(new Date(`${asOf}T00:00:00Z`).getTime() - 365 * DAY));
      linkLayer.clearLayers();
      let fresh = 0;
      for (const feature of links.features) {
        const link = /** @type {import('./types.js').LinkProperties} */ (feature.properties);
        const isNew = link.opened > yearBefore;
        fresh += isNew ? 1 : 0;
        L.geoJSON(feature, {
          style: {
            color: MODE_COLOURS[link.mode] ?? '#555', weight: isNew ? 6 : 3, opacity: 0.9,
            className: `link link-${link.mode}${isNew ? ' link-new' : ''} link-id-${link.id}`,
          },
        }).bindTooltip(`${link.line} · ${t(`mode.${link.mode}`)} · ${link.minutes} min · ${link.opened}`).addTo(linkLayer);
      }
      stationLayer.clearLayers();
      const selected = stationSelect.value;
      stationSelect.replaceChildren(h('option', { value: '' }, [t('network.none')]));
      for (const feature of nodes.features) {
        const node = /** @type {import('./types.js').NodeProperties} */ (feature.properties);
        const [lon, lat] = /** @type {GeoJSON.Point} */ (feature.geometry).coordinates;
        const region = regions.get(node.region);
        const label = `${name(node, node.id)} (${name(region, node.region)})`;
        const marker = L.circleMarker([lat, lon], { radius: 6, weight: 2, color: '#fff', fillColor: '#222', fillOpacity: 1, className: `station station-${node.id}` })
          .bindTooltip(label)
          .bindPopup(() => popup(node, region))
          .on('click', () => { stationSelect.value = node.id; drawBands(); })
          .addTo(stationLayer);
        const element = /** @type {SVGElement | undefined} */ (marker.getElement());
        if (element) {
          element.setAttribute('tabindex', '0');
          element.setAttribute('role', 'button');
          element.setAttribute('aria-label', label);
          element.addEventListener('keydown', (/** @type {KeyboardEvent} */ event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              marker.openPopup();
              stationSelect.value = node.id;
              drawBands();
            }
          });
        }
        stationSelect.append(h('option', { value: node.id }, [label]));
      }
      stationSelect.value = nodes.features.some((f) => f.properties?.id === selected) ? selected : '';
      mapElement.dataset.date = asOf;
      mapElement.dataset.stations = String(nodes.features.length);
      mapElement.dataset.links = String(links.features.length);
      summary.textContent = t('network.summary', { stations: nodes.features.length, links: links.features.length, fresh, date: asOf });
      await Promise.all([drawBands(), drawGains()]);
    } catch (error) {
      showError(detail, error, drawNetwork);
    } finally {
      if (mine === generation) {
        mapElement.setAttribute('aria-busy', 'false');
      }
    }
  }

  async function drawBands() {
    bandLayer.clearLayers();
    const from = stationSelect.value;
    const list = h('div', { id: 'bands' });
    detail.querySelector('#bands')?.remove();
    if (!from) {
      return;
    }
    const asOf = currentDate();
    const isochrone = await getGeoJson('/api/transport/isochrones', { from, asOf, minutes: 90, bands: BANDS.join(',') });
    for (const feature of isochrone.features) {
      const properties = /** @type {{band: number, id?: string}} */ (feature.properties);
      if (feature.geometry.type === 'Polygon') {
        L.geoJSON(feature, { interactive: false, style: { color: BAND_COLOURS[properties.band], fillOpacity: 0.12, weight: 1, className: `band band-${properties.band}` } })
          .addTo(bandLayer);
      }
    }
    /** @type {Map<number, string[]>} */
    const byBand = new Map(BANDS.map((band) => /** @type {[number, string[]]} */ ([band, []])));
    for (const feature of isochrone.features) {
      if (feature.geometry.type !== 'Point') {
        continue;
      }
      const node = /** @type {IsochroneNode} */ (feature.properties);
      const [lon, lat] = feature.geometry.coordinates;
      L.circleMarker([lat, lon], { radius: 11, weight: 3, fill: false, interactive: false, color: BAND_COLOURS[node.band], className: `band-node band-node-${node.band} band-node-id-${node.id}` })
        .addTo(bandLayer);
      byBand.get(node.band)?.push(`${node.nameEn} (${Math.round(node.minutes)} min)`);
    }
    const station = stationSelect.selectedOptions[0]?.textContent ?? from;
    list.append(h('h3', {}, [t('network.bands', { station, date: asOf })]));
    for (const [band, names] of byBand) {
      list.append(h('p', { class: `band-list band-list-${band}`, 'data-band': String(band) }, [h('b', {}, [`≤ ${band} min: `]), names.join(', ')]));
    }
    detail.prepend(list);
  }

  async function drawGains() {
    gainLayer.clearLayers();
    detail.querySelector('#gains')?.remove();
    if (!compare.checked) {
      return;
    }
    const target = compareTarget.value;
    /** @type {Accessibility} */
    const access = await getJson('/api/transport/accessibility', { to: target, asOf: currentDate(), compareTo: compareDate.value });
    const rows = access.regions.filter((r) => r.level !== 'county' && r.region !== target)
      .sort((a, b) => (a.change ?? 0) - (b.change ?? 0));
    const table = h('table', { id: 'gains-table' }, [
      h('caption', {}, [t('network.gains', { target: name(regions.get(target), target), then: compareDate.value, now: currentDate() })]),
      h('thead', {}, [h('tr', {}, [t('network.region'), t('network.then'), t('network.now'), t('network.change')].map((c) => h('th', { scope: 'col' }, [c])))]),
      h('tbody', {}, rows.map((r) => h('tr', {}, [
        h('th', { scope: 'row' }, [name(regions.get(r.region), r.region)]),
        h('td', {}, [r.minutesCompare === null ? '–' : `${number(r.minutesCompare)} min`]),
        h('td', {}, [r.minutes === null ? '–' : `${number(r.minutes)} min`]),
        h('td', {}, [r.change === null ? (r.minutesCompare === null && r.minutes !== null ? 'new' : '–') : `${number(r.change)} min`]),
      ]))),
    ]);
    for (const r of rows) {
      const region = regions.get(r.region);
      if (!region || r.minutes === null) {
        continue;
      }
      const gained = r.change === null ? (r.minutesCompare === null ? 60 : 0) : -r.change;
      L.circleMarker([region.lat, region.lon], { radius: 4 + Math.sqrt(Math.max(gained, 0)) * 2, color: '#1a9850', fillOpacity: 0.35, className: 'gain' })
        .bindTooltip(`${name(region, r.region)}: ${r.minutesCompare ?? '–'} → ${r.minutes} min`).addTo(gainLayer);
    }
    detail.append(h('div', { id: 'gains', class: 'table-wrap' }, [table]));
  }

  /**
   * @param {import('./types.js').NodeProperties} node
   * @param {import('./types.js').Region | undefined} region
   */
  function popup(node, region) {
    return h('div', {}, [
      h('b', {}, [name(node, node.id)]), h('br'), name(region, node.region), h('br'),
      h('a', { href: `#region/${node.region}` }, [t('network.profile')]),
    ]);
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pending;
  const redrawSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(drawNetwork, 120);
  };
  slider.addEventListener('input', () => {
    dateInput.value = dayToDate(Number(slider.value));
    slider.setAttribute('aria-valuetext', dateInput.value);
    redrawSoon();
  });
  dateInput.addEventListener('change', () => {
    slider.value = String(dateToDay(currentDate()));
    slider.setAttribute('aria-valuetext', currentDate());
    drawNetwork();
  });
  stationSelect.addEventListener('change', () => drawBands().catch((e) => showError(detail, e, drawBands)));
  for (const control of [compare, compareDate, compareTarget]) {
    control.addEventListener('change', () => drawGains().catch((e) => showError(detail, e, drawGains)));
  }
  play.addEventListener('click', () => {
    if (player) {
      clearInterval(player);
      player = undefined;
      play.textContent = t('network.play');
      play.setAttribute('aria-pressed', 'false');
      return;
    }
    if (Number(slider.value) >= lastDay) {
      slider.value = '0';
    }
    play.textContent = t('network.pause');
    play.setAttribute('aria-pressed', 'true');
    player = setInterval(() => {
      const next = Math.min(Number(slider.value) + 91, lastDay);
      slider.value = String(next);
      slider.dispatchEvent(new Event('input'));
      if (next >= lastDay && player) {
        clearInterval(player);
        player = undefined;
        play.textContent = t('network.play');
        play.setAttribute('aria-pressed', 'false');
      }
    }, 500);
  });
  slider.setAttribute('aria-valuetext', date);
  await drawNetwork();
  return {
    /** @param {{type: string}} event */
    onEvent(event) {
      if (event.type.startsWith('jjj.transport.')) {
        redrawSoon();
      }
    },
    close() {
      clearInterval(player);
      map.remove();
    },
  };
}
