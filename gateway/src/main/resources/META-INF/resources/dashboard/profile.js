// View 4: one region's profile from /api/regions/{code}/profile, with what is missing said as such.
import { getAll, getJson } from './api.js';
import { name, t } from './i18n.js';
import { regionsByCode } from './regions.js';
import { h, number, showError, showLoading } from './ui.js';

/** @typedef {import('./types.js').RegionProfile} RegionProfile */

/**
 * @param {HTMLElement} main
 * @param {string} code
 */
export async function profileView(main, code) {
  const regions = await regionsByCode();
  const picker = /** @type {HTMLSelectElement} */ (h('select', { id: 'region-pick' }, [...regions.values()]
    .map((r) => h('option', { value: r.code }, [`${name(r, r.code)} (${r.code})`]))));
  picker.value = code;
  picker.addEventListener('change', () => { location.hash = `#region/${picker.value}`; });
  const body = h('div', { id: 'profile' });
  main.replaceChildren(h('section', { class: 'view', 'aria-labelledby': 'view-title' }, [
    h('h2', { id: 'view-title' }, [t('region.title')]),
    h('div', { class: 'controls' }, [h('label', { for: 'region-pick' }, [t('region.pick')]), picker]),
    body,
  ]));

  async function draw() {
    showLoading(body);
    try {
      /** @type {RegionProfile} */
      const profile = await getJson(`/api/regions/${encodeURIComponent(code)}/profile`);
      /** @type {import('./types.js').Indicator[]} */
      const catalogue = await getAll('/api/indicators').catch(() => /** @type {import('./types.js').Indicator[]} */ ([]));
      const indicatorName = (/** @type {string} */ indicator) => name(catalogue.find((i) => i.code === indicator), indicator);
      const region = profile.region;
      const parts = [h('h3', { id: 'profile-name' }, [`${region.nameZh ?? ''} ${region.nameEn} · ${region.code} · ${region.level}`])];
      if (!profile.complete) {
        parts.push(h('p', { class: 'error', role: 'alert', id: 'profile-missing' }, [t('region.partial', { parts: profile.missing.map((m) => `${m.section} (${m.reason})`).join(', ') })]));
      }
      const children = [...regions.values()].filter((r) => r.parent === region.code);
      if (children.length) {
        parts.push(h('p', {}, [`${t('region.children')}: `, ...children.flatMap((c, i) => /** @type {(string | HTMLElement)[]} */ ([i ? ', ' : '', h('a', { href: `#region/${c.code}` }, [name(c, c.code)])]))]));
      }
      // the document types these rows loosely (JSON nodes); they are the rows /api/observations answers
      const latest = /** @type {import('./types.js').Observation[]} */ (/** @type {unknown} */ (profile.indicators?.latest ?? []));
      parts.push(h('div', { class: 'columns' }, [
        h('div', { class: 'table-wrap' }, [h('table', { id: 'profile-indicators' }, [
          h('caption', {}, [t('region.indicators')]),
          h('tbody', {}, latest.length ? latest.map((o) => h('tr', {}, [
            h('th', { scope: 'row' }, [h('a', { href: `#indicators?indicator=${encodeURIComponent(o.indicator)}&regions=${code}` }, [indicatorName(o.indicator)])]),
            h('td', {}, [o.period]), h('td', {}, [`${number(o.value)} ${o.unit ?? ''}`]),
          ])) : [h('tr', {}, [h('td', {}, [profile.indicators?.status === 'ok' ? t('region.none') : t('missing')])])]),
        ])]),
        h('div', {}, [
          section(t('region.minutes'), profile.accessibility?.status, Object.entries(profile.accessibility?.minutesTo ?? {})
            .map(([target, m]) => `${name(regions.get(target), m.name)}: ${m.minutes === null || m.minutes === undefined ? '–' : `${m.minutes} min`}${m.note ? ` (${m.note})` : ''}`)),
          section(t('region.in'), profile.projects?.status, projectLines(profile.projects?.inbound)),
          section(t('region.out'), profile.projects?.status, projectLines(profile.projects?.outbound)),
        ]),
      ]));
      body.replaceChildren(...parts);
    } catch (error) {
      showError(body, error, draw);
    }
  }

  /** @param {import('./types.js').ProfileProjects['inbound'] | undefined} flow */
  function projectLines(flow) {
    if (!flow) {
      return [];
    }
    return [`${flow.count} · ${number(flow.investmentCny100m)} 亿元`, ...(/** @type {import('./types.js').Project[]} */ (/** @type {unknown} */ (flow.largest ?? []))).map((p) => name(p, p.id))];
  }

  /**
   * @param {string} title
   * @param {string | undefined} status
   * @param {string[]} lines
   */
  function section(title, status, lines) {
    return h('div', { class: 'profile-part' }, [h('h4', {}, [title]), status === 'ok'
      ? h('ul', {}, lines.map((l) => h('li', {}, [l])))
      : h('p', { class: 'error' }, [`${t('missing')} (${status ?? '?'})`])]);
  }

  await draw();
  return {
    /** @param {{type: string}} event */
    onEvent(event) {
      if (!event.type.startsWith('jjj.indicators.')) {
        draw();
      }
    },
    close() {},
  };
}
