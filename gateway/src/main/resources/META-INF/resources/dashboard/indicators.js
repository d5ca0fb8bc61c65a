// View 3: an indicator for some regions with every vintage, the server-side transforms, a table and a CSV of it.
import { getAll } from './api.js';
import { currentLang, name, t } from './i18n.js';
import { regionsByCode } from './regions.js';
import { h, isoDate, number, showError, showLoading } from './ui.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {{region: string, period: string, value: number, published: string, current: boolean}} Point */

const REGION_CHOICES = ['110000', '120000', '130000', 'JJJ', '133100'];
const COLOURS = ['#c0392b', '#2980b9', '#27ae60', '#8e44ad', '#d35400'];
/** How many earlier publication dates are looked for behind the current one, at most. */
const MAX_VINTAGE_PROBES = 12;

/**
 * Every vintage of the rows a query answers: the current rows, then, for each publication date met, the rows as
 * they stood the day before it, until no earlier publication appears.
 * @param {Record<string, string>} query
 * @returns {Promise<Point[]>}
 */
async function allVintages(query) {
  /** @type {Observation[]} */
  const current = await getAll('/api/observations', query);
  /** @type {Map<string, Point>} */
  const points = new Map();
  const dates = new Set();
  for (const row of current) {
    if (row.value !== null && row.value !== undefined) {
      points.set(`${row.region}|${row.period}|${row.published}`, { region: row.region, period: row.period, value: row.value, published: row.published ?? '', current: true });
      if (row.published) {
        dates.add(row.published);
      }
    }
  }
  const probed = new Set();
  for (let i = 0; i < MAX_VINTAGE_PROBES; i++) {
    const next = [...dates].filter((d) => !probed.has(d)).sort().pop();
    if (!next) {
      break;
    }
    probed.add(next);
    const dayBefore = isoDate(new Date(new Date(`${next}T00:00:00Z`).getTime() - 86_400_000));
    /** @type {Observation[]} */
    const earlier = await getAll('/api/observations', { ...query, asOf: dayBefore });
    for (const row of earlier) {
      const key = `${row.region}|${row.period}|${row.published}`;
      if (row.value !== null && row.value !== undefined && row.published && !points.has(key)) {
        points.set(key, { region: row.region, period: row.period, value: row.value, published: row.published, current: false });
        dates.add(row.published);
      }
    }
  }
  return [...points.values()].sort((a, b) => a.region.localeCompare(b.region) || a.period.localeCompare(b.period)
    || b.published.localeCompare(a.published));
}

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params
 */
export async function indicatorsView(main, params) {
  const regions = await regionsByCode();
  /** @type {import('./types.js').Indicator[]} */
  const catalogue = await getAll('/api/indicators');
  const indicator = /** @type {HTMLSelectElement} */ (h('select', { id: 'indicator' }, catalogue.map((i) => h('option', { value: i.code }, [`${name(i, i.code)} (${i.code})`]))));
  indicator.value = params.get('indicator') ?? 'va.tertiary';
  const wanted = (params.get('regions') ?? '110000,120000,130000').split(',');
  const regionBoxes = REGION_CHOICES.map((code) => /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', value: code, id: `region-${code}` })));
  regionBoxes.forEach((box) => { box.checked = wanted.includes(box.value); });
  const transformKinds = ['', 'yoy', 'index', 'gap', 'share'];
  const transformRadios = transformKinds.map((kind) => /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name: 'transform', value: kind, id: `transform-${kind || 'none'}` })));
  const initial = params.get('transform') ?? '';
  transformRadios.forEach((radio) => { radio.checked = radio.value === initial.split(':')[0]; });
  const base = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id: 'transform-base', value: '2009', 'aria-label': `index ${t('ind.base')}` }));
  const gapRegion = /** @type {HTMLSelectElement} */ (h('select', { id: 'transform-gap', 'aria-label': 'gap' }, ['110000', '120000', '130000'].map((c) => h('option', { value: c }, [name(regions.get(c), c)]))));
  const shareOf = /** @type {HTMLSelectElement} */ (h('select', { id: 'transform-share', 'aria-label': 'share' }, catalogue.map((i) => h('option', { value: i.code }, [i.code]))));
  shareOf.value = catalogue.some((i) => i.code === 'gdp') ? 'gdp' : catalogue[0]?.code ?? '';
  const from = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id: 'ind-from', value: params.get('from') ?? '', placeholder: '2009' }));
  const to = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id: 'ind-to', value: params.get('to') ?? '', placeholder: String(new Date().getFullYear()) }));
  const chartButton = h('button', { type: 'button', id: 'show-chart', 'aria-pressed': 'true' }, [t('ind.chart')]);
  const tableButton = h('button', { type: 'button', id: 'show-table', 'aria-pressed': 'false' }, [t('ind.table')]);
  const csvButton = h('button', { type: 'button', id: 'download-csv' }, [t('ind.csv')]);
  const chartElement = h('div', { id: 'chart', class: 'chart' });
  const tableElement = h('div', { id: 'ind-table', class: 'table-wrap', hidden: '' });
  const status = h('div', { id: 'ind-status', 'aria-live': 'polite' });
  const transformLabels = { '': t('ind.none'), yoy: 'yoy', index: 'index:', gap: 'gap:', share: 'share:' };
  main.replaceChildren(h('section', { class: 'view', 'aria-labelledby': 'view-title' }, [
    h('h2', { id: 'view-title' }, [t('ind.title')]),
    h('div', { class: 'controls' }, [
      h('label', { for: 'indicator' }, [t('ind.indicator')]), indicator,
      h('fieldset', {}, [h('legend', {}, [t('ind.regions')]), ...regionBoxes.map((box) => h('label', { class: 'inline' }, [box, ` ${name(regions.get(box.value), box.value).split(' · ')[0]}`]))]),
      h('fieldset', {}, [h('legend', {}, [t('ind.transform')]), ...transformRadios.map((radio) => h('label', { class: 'inline' }, [radio, ` ${transformLabels[/** @type {keyof typeof transformLabels} */ (radio.value)]}`])), base, gapRegion, shareOf]),
      h('label', { for: 'ind-from' }, [t('ind.from')]), from, h('label', { for: 'ind-to' }, [t('ind.to')]), to,
      h('div', { class: 'buttons', role: 'group', 'aria-label': t('ind.chart') }, [chartButton, tableButton, csvButton]),
    ]),
    status, chartElement, tableElement,
  ]));

  const echarts = await import('echarts');
  const chart = echarts.init(chartElement, undefined, { renderer: 'canvas' });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  /** @type {Point[]} */
  let shown = [];
  let generation = 0;

  function transform() {
    const kind = transformRadios.find((r) => r.checked)?.value ?? '';
    return kind === 'index' ? `index:${base.value}` : kind === 'gap' ? `gap:${gapRegion.value}` : kind === 'share' ? `share:${shareOf.value}` : kind;
  }

  async function draw() {
    const mine = ++generation;
    const codes = regionBoxes.filter((b) => b.checked).map((b) => b.value);
    showLoading(status);
    try {
      const query = { indicator: indicator.value, region: codes.join(','), from: from.value, to: to.value, transform: transform() };
      const points = codes.length ? await allVintages(query) : [];
      if (mine !== generation) {
        return;
      }
      shown = points;
      status.replaceChildren(points.length ? '' : h('p', {}, [t('ind.noData')]));
      render(codes);
      history.replaceState(null, '', `#indicators?${new URLSearchParams({ indicator: indicator.value, regions: codes.join(','), transform: transform(), from: from.value, to: to.value })}`);
    } catch (error) {
      showError(status, error, draw);
    }
  }

  /** @param {string[]} codes */
  function render(codes) {
    const periods = [...new Set(shown.map((p) => p.period))].sort();
    const chosen = catalogue.find((i) => i.code === indicator.value);
    /** @type {import('echarts').SeriesOption[]} */
    const series = [];
    codes.forEach((code, i) => {
      const label = name(regions.get(code), code).split(' · ')[0];
      const mine = shown.filter((p) => p.region === code);
      const revised = new Set(mine.filter((p) => !p.current).map((p) => p.period));
      series.push({
        type: 'line', name: label, color: COLOURS[i % COLOURS.length],
        data: periods.map((period) => {
          const point = mine.find((p) => p.period === period && p.current);
          return point ? { value: point.value, symbol: revised.has(period) ? 'diamond' : 'circle', symbolSize: revised.has(period) ? 14 : 6 } : null;
        }),
      });
      const earlier = mine.filter((p) => !p.current);
      if (earlier.length) {
        series.push({
          type: 'scatter', name: `${label} · ${t('ind.earlier')}`, color: COLOURS[i % COLOURS.length], symbol: 'emptyCircle', symbolSize: 10,
          data: earlier.map((p) => ({ value: [p.period, p.value], published: p.published })),
        });
      }
    });
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: describe() } },
      title: { text: `${name(chosen, indicator.value)}${transform() ? ` · ${transform()}` : ''}`, textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'axis',
        formatter: (/** @type {any} */ items) => {
          const period = (Array.isArray(items) ? items[0] : items).axisValue;
          return shown.filter((p) => p.period === period).map((p) => `${name(regions.get(p.region), p.region).split(' · ')[0]}: ${number(p.value)} `
            + `(${p.current ? t('ind.current') : t('ind.earlier')}, ${t('ind.published')} ${p.published})`).join('<br>');
        },
      },
      legend: { top: 28 },
      grid: { top: 70, left: 60, right: 20, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', scale: true },
      series,
    }, true);
    tableElement.replaceChildren(h('table', { id: 'observations-table' }, [
      h('caption', {}, [`${indicator.value}${transform() ? ` · ${transform()}` : ''}`]),
      h('thead', {}, [h('tr', {}, [t('ind.regions'), t('ind.period'), t('ind.value'), t('ind.published'), t('ind.vintage')].map((c) => h('th', { scope: 'col' }, [c])))]),
      h('tbody', {}, shown.map((p) => h('tr', { class: p.current ? 'current' : 'earlier', 'data-region': p.region, 'data-period': p.period, 'data-value': String(p.value) }, [
        h('th', { scope: 'row' }, [name(regions.get(p.region), p.region)]), h('td', {}, [p.period]), h('td', {}, [number(p.value)]),
        h('td', {}, [p.published]), h('td', {}, [p.current ? t('ind.current') : t('ind.earlier')]),
      ]))),
    ]));
  }

  /** What the chart shows, said in words for screen readers: every value with its vintage and publication. */
  function describe() {
    const chosen = catalogue.find((i) => i.code === indicator.value);
    const lines = shown.map((p) => `${name(regions.get(p.region), p.region).split(' · ')[0]} ${p.period}: ${p.value} `
      + `(${p.current ? t('ind.current') : t('ind.earlier')}, ${t('ind.published')} ${p.published})`);
    return `${name(chosen, indicator.value)}${transform() ? ` · ${transform()}` : ''}. ${lines.join('; ')}`;
  }

  function downloadCsv() {
    const lines = [['indicator', 'transform', 'region', 'period', 'value', 'published', 'vintage'].join(',')];
    for (const p of shown) {
      lines.push([indicator.value, transform(), p.region, p.period, String(p.value), p.published, p.current ? 'current' : 'earlier'].join(','));
    }
    const link = h('a', { href: URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' })), download: `${indicator.value}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
  }

  /** @param {boolean} table */
  function showTable(table) {
    tableElement.hidden = !table;
    chartElement.hidden = table;
    tableButton.setAttribute('aria-pressed', String(table));
    chartButton.setAttribute('aria-pressed', String(!table));
    if (!table) {
      chart.resize();
    }
  }

  chartButton.addEventListener('click', () => showTable(false));
  tableButton.addEventListener('click', () => showTable(true));
  csvButton.addEventListener('click', downloadCsv);
  for (const control of [indicator, ...regionBoxes, ...transformRadios, base, gapRegion, shareOf, from, to]) {
    control.addEventListener('change', draw);
  }
  chartElement.lang = currentLang();
  await draw();
  return {
    /** @param {{type: string}} event */
    onEvent(event) {
      if (event.type.startsWith('jjj.indicators.observation.')) {
        draw();
      }
    },
    close() {
      window.removeEventListener('resize', resize);
      chart.dispose();
    },
  };
}
