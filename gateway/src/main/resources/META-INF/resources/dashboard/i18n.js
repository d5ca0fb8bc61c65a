// The page's words in English and Chinese; names of places and things come from the API in both where it has them.

/** @typedef {'en' | 'zh'} Lang */

const WORDS = {
  en: {
    title: 'Jing-Jin-Ji Observatory',
    'nav.network': 'Network', 'nav.flows': 'Flows', 'nav.indicators': 'Indicators', 'nav.region': 'Regions', 'nav.api': 'API',
    'count.stations': 'stations', 'count.links': 'links open today', 'count.projects': 'projects',
    'live.title': 'Live events', 'live.pause': 'Pause', 'live.paused': 'paused', 'live.connected': 'connected', 'live.reconnecting': 'reconnecting…', 'live.none': 'No events yet: changes appear here as they happen.',
    loading: 'Loading…', missing: 'Not available right now', retry: 'Retry',
    'network.title': 'The network through time', 'network.date': 'Date', 'network.play': 'Replay the openings', 'network.pause': 'Pause',
    'network.summary': '{stations} stations and {links} links open on {date}; {fresh} opened in the year before',
    'network.station': 'Isochrone from station', 'network.none': '(none)', 'network.bands': 'Within 30, 60 and 90 minutes of {station} on {date}',
    'network.compare': 'Compare with', 'network.compareTo': 'Minutes to', 'network.gains': 'Minutes saved to {target} between {then} and {now}, by region',
    'network.region': 'Region', 'network.then': 'then', 'network.now': 'now', 'network.change': 'change', 'network.profile': 'Region profile',
    'mode.hsr': 'high-speed rail', 'mode.metro': 'urban transfer',
    'flows.title': 'Relocation and cooperation flows', 'flows.measure': 'Width by', 'flows.count': 'number of projects', 'flows.investment': 'investment (CNY 100 million)',
    'flows.level': 'Level', 'flows.province': 'province', 'flows.prefecture': 'prefecture', 'flows.kind': 'Kind', 'flows.chain': 'Chain', 'flows.status': 'Status',
    'flows.from': 'Signed from', 'flows.to': 'Signed to', 'flows.any': 'any', 'flows.table': 'Flows, origin → destination', 'flows.origin': 'Origin', 'flows.destination': 'Destination',
    'flows.value': 'Value', 'flows.projects': 'Projects {origin} → {destination}', 'flows.history': 'history', 'flows.pick': 'Pick a flow (arc or row) to list its projects.',
    'ind.title': 'Indicators with every vintage', 'ind.indicator': 'Indicator', 'ind.regions': 'Regions', 'ind.transform': 'Transform', 'ind.none': 'values',
    'ind.from': 'From', 'ind.to': 'To', 'ind.chart': 'Chart', 'ind.table': 'Table', 'ind.csv': 'Download CSV', 'ind.period': 'Period', 'ind.value': 'Value',
    'ind.published': 'Published', 'ind.vintage': 'Vintage', 'ind.current': 'current', 'ind.earlier': 'earlier', 'ind.revised': 'revised',
    'ind.noData': 'No values for this choice.', 'ind.base': 'base',
    'region.title': 'Region profile', 'region.pick': 'Region', 'region.indicators': 'Latest indicators', 'region.in': 'Projects coming in', 'region.out': 'Projects going out',
    'region.minutes': 'Minutes by rail to', 'region.partial': 'Part of this profile is missing: {parts}', 'region.children': 'Inside', 'region.none': 'none',
  },
  zh: {
    title: '京津冀观测站',
    'nav.network': '路网', 'nav.flows': '项目流向', 'nav.indicators': '指标', 'nav.region': '地区', 'nav.api': '接口',
    'count.stations': '个车站', 'count.links': '条线路今日开通', 'count.projects': '个项目',
    'live.title': '实时事件', 'live.pause': '暂停', 'live.paused': '已暂停', 'live.connected': '已连接', 'live.reconnecting': '正在重连…', 'live.none': '暂无事件：数据变化将在此实时显示。',
    loading: '加载中…', missing: '暂时无法获取', retry: '重试',
    'network.title': '路网的演变', 'network.date': '日期', 'network.play': '回放开通过程', 'network.pause': '暂停',
    'network.summary': '{date}：{stations} 个车站、{links} 条线路开通；其中 {fresh} 条为前一年内新开',
    'network.station': '等时圈起点车站', 'network.none': '（无）', 'network.bands': '{date} 从{station}出发 30、60、90 分钟可达范围',
    'network.compare': '对比日期', 'network.compareTo': '到达', 'network.gains': '{then} 至 {now} 各地区到{target}节省的分钟数',
    'network.region': '地区', 'network.then': '之前', 'network.now': '现在', 'network.change': '变化', 'network.profile': '地区概况',
    'mode.hsr': '高速铁路', 'mode.metro': '市内换乘',
    'flows.title': '疏解与合作项目流向', 'flows.measure': '线宽', 'flows.count': '项目数', 'flows.investment': '投资额（亿元）',
    'flows.level': '层级', 'flows.province': '省级', 'flows.prefecture': '地级', 'flows.kind': '类型', 'flows.chain': '产业链', 'flows.status': '状态',
    'flows.from': '签约年份自', 'flows.to': '至', 'flows.any': '全部', 'flows.table': '流向（来源 → 目的地）', 'flows.origin': '来源', 'flows.destination': '目的地',
    'flows.value': '数值', 'flows.projects': '{origin} → {destination} 的项目', 'flows.history': '变更记录', 'flows.pick': '选择一条流向（弧线或表格行）以列出项目。',
    'ind.title': '指标及其历次发布', 'ind.indicator': '指标', 'ind.regions': '地区', 'ind.transform': '变换', 'ind.none': '原值',
    'ind.from': '起', 'ind.to': '止', 'ind.chart': '图表', 'ind.table': '表格', 'ind.csv': '下载 CSV', 'ind.period': '时期', 'ind.value': '数值',
    'ind.published': '发布日期', 'ind.vintage': '版本', 'ind.current': '现行', 'ind.earlier': '此前', 'ind.revised': '已修订',
    'ind.noData': '此选择下没有数据。', 'ind.base': '基期',
    'region.title': '地区概况', 'region.pick': '地区', 'region.indicators': '最新指标', 'region.in': '迁入项目', 'region.out': '迁出项目',
    'region.minutes': '铁路分钟数：到', 'region.partial': '此概况缺少部分内容：{parts}', 'region.children': '下辖', 'region.none': '无',
  },
};

/** @type {Lang} */
let lang = localStorage.getItem('jjj.lang') === 'zh' ? 'zh' : 'en';

export function currentLang() {
  return lang;
}

/** @param {Lang} next */
export function setLang(next) {
  lang = next;
  localStorage.setItem('jjj.lang', next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(/** @type {HTMLElement} */ (element).dataset.i18n ?? '');
  }
}

/**
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function t(key, values = {}) {
  /** @type {Record<string, string>} */
  const words = WORDS[lang];
  const text = words[key] ?? WORDS.en[/** @type {keyof typeof WORDS.en} */ (key)] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/**
 * A thing's name in the page's language, with the other language beside it when there is one.
 * @param {{nameEn?: string | null, nameZh?: string | null} | undefined} named
 * @param {string} [fallback]
 */
export function name(named, fallback = '') {
  if (!named) {
    return fallback;
  }
  const first = lang === 'zh' ? named.nameZh || named.nameEn : named.nameEn || named.nameZh;
  const second = lang === 'zh' ? named.nameEn : named.nameZh;
  return second && second !== first ? `${first} · ${second}` : first || fallback;
}
