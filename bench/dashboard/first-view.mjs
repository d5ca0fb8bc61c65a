// First view of the dashboard (/#network, ready when the page marks it) beside its anchor, Swagger UI (ready when
// every operation of the merged document is listed, as SwaggerUiTest waits for), interleaved, in a fresh browser
// context each time (cold cache), then reloaded once in the same context (warm: revalidated, 304s).
// Usage: node first-view.mjs <gateway url> [repetitions]
import puppeteer from 'puppeteer-core';

const [, , base = 'http://localhost:8080', repetitions = '7'] = process.argv;
const subjects = {
  dashboard: { path: '/#network', ready: () => performance.getEntriesByName('jjj-ready-network').length > 0 },
  'swagger-ui': { path: '/swagger-ui/', ready: () => document.querySelectorAll('.opblock-summary-path').length >= 15 },
};

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  headless: true,
});

async function load(page, subject, again) {
  if (again) {
    await page.reload({ waitUntil: 'domcontentloaded' });
  } else {
    await page.goto(`${base}${subject.path}`, { waitUntil: 'domcontentloaded' });
  }
  await page.waitForFunction(`(${subject.ready})() && (window.readyAt ??= performance.now())`, { polling: 'raf', timeout: 30000 });
  return page.evaluate(() => ({
    ms: Math.round(window.readyAt),
    bytes: performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
    requests: performance.getEntriesByType('resource').length + 1,
  }));
}

const results = {};
for (let i = 0; i < Number(repetitions); i++) {
  for (const [name, subject] of Object.entries(subjects)) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const cold = await load(page, subject, false);
    const warm = await load(page, subject, true);
    await context.close();
    (results[name] ??= []).push({ cold, warm });
    console.log(i + 1, name, 'cold', cold, 'warm', warm);
  }
}
await browser.close();

const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [name, runs] of Object.entries(results)) {
  for (const kind of ['cold', 'warm']) {
    const ms = runs.map((r) => r[kind].ms);
    const kb = runs.map((r) => r[kind].bytes / 1024);
    console.log(`${name} ${kind}: ready median ${median(ms)} ms (min ${Math.min(...ms)}, max ${Math.max(...ms)}), `
      + `transferred median ${median(kb).toFixed(0)} KiB in ${median(runs.map((r) => r[kind].requests))} requests`);
  }
}
