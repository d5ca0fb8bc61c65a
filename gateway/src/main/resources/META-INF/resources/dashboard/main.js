// The dashboard's entry: the views by URL fragment, the totals, the language and the live ticker.
import { count } from './api.js';
import { currentLang, name, setLang, t } from './i18n.js';
import { follow } from './live.js';
import { h, isoDate, showError, showLoading } from './ui.js';

/** @typedef {{onEvent: (event: {type: string}) => void, close: () => void}} View */

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const ticker = /** @type {HTMLElement} */ (document.getElementById('ticker'));
const liveState = /** @type {HTMLElement} */ (document.getElementById('live-state'));
/** @type {View | undefined} */
let view;
let routing = 0;

async function route() {
  const mine = ++routing;
  const [path, query] = (location.hash.slice(1) || 'network').split('?');
  const params = new URLSearchParams(query ?? '');
  const [name, code] = path.split('/');
  view?.close();
  view = undefined;
  for (const tab of document.querySelectorAll('nav.tabs a[data-view]')) {
    const current = /** @type {HTMLElement} */ (tab).dataset.view === name;
    tab.toggleAttribute('aria-current', current);
    if (current) {
      tab.setAttribute('aria-current', 'page');
    }
  }
  showLoading(main);
  try {
    /** @type {View} */
    let next;
    if (name === 'flows') {
      next = await (await import('./flows.js')).flowsView(main);
    } else if (name === 'indicators') {
      next = await (await import('./indicators.js')).indicatorsView(main, params);
    } else if (name === 'region') {
      next = await (await import('./profile.js')).profileView(main, code || '110000');
    } else {
      next = await (await import('./network.js')).networkView(main, params);
    }
    if (mine !== routing) {
      next.close();
      return;
    }
    view = next;
    main.dataset.ready = name || 'network';
    performance.mark(`jjj-ready-${main.dataset.ready}`);
  } catch (error) {
    if (mine === routing) {
      showError(main, error, route);
    }
  }
}

async function refreshCounts() {
  const today = isoDate(new Date());
  const targets = [
    ['count-stations', () => count('/api/transport/nodes', { asOf: today })],
    ['count-links', () => count('/api/transport/links', { asOf: today })],
    ['count-projects', () => count('/api/projects')],
  ];
  await Promise.all(targets.map(async ([id, read]) => {
    const element = /** @type {HTMLElement} */ (document.getElementById(/** @type {string} */ (id)));
    try {
      element.textContent = String(await /** @type {() => Promise<number>} */ (read)());
      element.removeAttribute('title');
    } catch (error) {
      element.textContent = '?';
      element.title = `${t('missing')}: ${error}`;
    }
  }));
}

/** @param {import('./live.js').LiveEvent} event */
function describe(event) {
  const data = /** @type {Record<string, any>} */ (event.data.data ?? {});
  const what = event.type.replace(/^jjj\./, '').replace(/\.v\d+$/, '');
  const subject = data.nameEn || data.nameZh ? name(data, '') : data.id ?? event.data.subject ?? '';
  const extra = data.status ? ` → ${data.status}` : data.opened ? ` (${data.opened})` : '';
  return `${what}: ${subject}${extra}`;
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let countsPending;

/** @param {import('./live.js').LiveEvent} event */
function onLiveEvent(event) {
  const time = new Date(event.data.time ?? Date.now());
  const item = h('li', { 'data-event-id': event.id, 'data-type': event.type }, [
    h('time', { datetime: time.toISOString() }, [time.toLocaleTimeString()]), ' ', describe(event),
  ]);
  ticker.querySelector('.empty')?.remove();
  ticker.prepend(item);
  while (ticker.children.length > 30) {
    ticker.lastElementChild?.remove();
  }
  view?.onEvent(event);
  if (!event.type.startsWith('jjj.indicators.')) {
    clearTimeout(countsPending);
    countsPending = setTimeout(refreshCounts, 300);
  }
}

/** @param {'connected' | 'reconnecting'} state */
function onLiveState(state) {
  liveState.textContent = t(`live.${state}`);
  liveState.dataset.state = state;
}

const pause = /** @type {HTMLButtonElement} */ (document.getElementById('live-pause'));
/** @type {ReturnType<typeof follow> | null} */
let live = follow('/api/events', onLiveEvent, onLiveState);

/** Ends the stream; resuming asks for what came after the last event seen (Last-Event-ID). */
function pauseLive() {
  live?.stop();
  liveState.textContent = t('live.paused');
  liveState.dataset.state = 'paused';
}

function resumeLive() {
  live = follow('/api/events', onLiveEvent, onLiveState, live?.lastEventId());
}

pause.addEventListener('click', () => {
  const pausing = pause.getAttribute('aria-pressed') !== 'true';
  pause.setAttribute('aria-pressed', String(pausing));
  if (pausing) {
    pauseLive();
  } else {
    resumeLive();
  }
});
// A page left for another keeps its stream open while the browser caches it, holding one of the few connections a
// browser opens to a host: the stream ends when the page is hidden and resumes if it comes back.
window.addEventListener('pagehide', pauseLive);
window.addEventListener('pageshow', (event) => {
  if (event.persisted && pause.getAttribute('aria-pressed') !== 'true') {
    resumeLive();
    refreshCounts();
  }
});

const langButton = /** @type {HTMLButtonElement} */ (document.getElementById('lang'));
langButton.addEventListener('click', () => {
  setLang(currentLang() === 'en' ? 'zh' : 'en');
  langButton.textContent = currentLang() === 'en' ? '中文' : 'English';
  route();
});
setLang(currentLang());
langButton.textContent = currentLang() === 'en' ? '中文' : 'English';
ticker.append(h('li', { class: 'empty' }, [t('live.none')]));
window.addEventListener('hashchange', route);
refreshCounts();
route();
