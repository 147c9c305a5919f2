// Browser test of `chronik serve`, in Debian's chromium (headless), driven
// by playwright-core (no browser download).
//
//     cargo build --release
//     cd web-tests && npm ci && node browser.mjs
//
// Options (environment): CHRONIK_BIN (default ../target/release/chronik, or
// $CARGO_TARGET_DIR/release/chronik), CHROMIUM (default /usr/bin/chromium),
// SCREENSHOTS (default web-tests/screenshots/).
//
// It builds a database from the bundled examples plus the hostile fixture
// (fixtures/hostile.jsonl: <script>, "><img onerror>, </textarea><svg
// onload> … in ids, URLs and text), starts `chronik serve --port 0`, and in
// the browser: opens every page and checks its content; applies a filter
// with the form and a range with the brush; sorts the table and checks that
// the download holds exactly the rows shown; follows a link to an event
// page and checks that the hostile text shows as text there, on the report
// page and in search results. On every page: no dialog (alert) opened, no
// script error, no CSP violation, no <img> or extra <script> element, no
// request leaving 127.0.0.1. Screenshots go to SCREENSHOTS. Bounded: the
// whole run is stopped after 120 s.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(repo, process.env.CARGO_TARGET_DIR)
  : path.join(repo, 'target');
const bin = process.env.CHRONIK_BIN || path.join(targetDir, 'release', 'chronik');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = process.env.SCREENSHOTS || path.join(here, 'screenshots');

const deadline = setTimeout(() => {
  console.error('browser test: timed out after 120 s');
  process.exit(1);
}, 120_000);

const work = mkdtempSync(path.join(tmpdir(), 'chronik-browser-'));
const db = path.join(work, 'chronik.db');
let server = null;
let context = null;
let profile = null;
let passed = 0;

function check(name, fn) {
  return Promise.resolve(fn()).then(() => {
    passed += 1;
    console.log(`  ok  ${name}`);
  });
}

/** Starts `chronik serve` on a free port; resolves with its URL and start time. */
function serve() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    server = spawn(bin, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ url: m[1], ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    server.on('exit', (code) => reject(new Error(`chronik serve exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error('chronik serve did not start in 10 s')), 10_000);
  });
}

async function main() {
  mkdirSync(shots, { recursive: true });
  console.log(`browser test: ${bin}, ${executablePath}`);
  execFileSync(bin, [
    'ingest',
    path.join(repo, 'examples/articles.jsonl'),
    path.join(repo, 'examples/seed'),
    path.join(here, 'fixtures/hostile.jsonl'),
    '--db', db, '--quiet',
  ], { stdio: 'inherit' });
  const { url: base, ms } = await serve();
  console.log(`  serving ${base} (listening after ${ms.toFixed(0)} ms)`);
  assert.ok(ms < 1000, `chronik serve must start in under a second (${ms} ms)`);

  // A fresh profile directory; the flags for running as root in a container.
  profile = mkdtempSync(path.join(tmpdir(), 'chronik-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    chromiumSandbox: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync',
    ],
  });

  // Nothing may leave the machine: every other request is aborted and counted.
  const outside = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1') return route.continue();
    outside.push(u.href);
    return route.abort();
  });
  const problems = [];
  const page = context.pages()[0] || (await context.newPage());
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });

  /** Checks every page must pass, then a screenshot. */
  async function pageChecks(name) {
    assert.deepEqual(problems, [], `${name}: ${problems.join('; ')}`);
    assert.equal(await page.locator('img').count(), 0, `${name}: no <img> element`);
    assert.equal(await page.locator('script').count(), 1, `${name}: only app.js`);
    assert.equal(await page.locator('script').getAttribute('src'), '/static/app.js');
    assert.equal(await page.locator('[onerror], [onload], [onmouseover]').count(), 0, name);
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0, name);
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: name !== 'map' });
  }

  async function open(p) {
    const res = await page.goto(base + p);
    assert.equal(res.status(), 200, p);
    const csp = res.headers()['content-security-policy'];
    assert.match(csp, /default-src 'self'/, p);
    assert.doesNotMatch(csp, /unsafe-inline/, p);
    return res;
  }

  await check('timeline: chart, legend, chronicle', async () => {
    await open('/');
    assert.equal(await page.locator('h1').innerText(), 'Timeline');
    assert.ok((await page.locator('svg.timeline g.bin').count()) > 10, 'bars');
    assert.ok((await page.locator('ul.legend li').count()) >= 3, 'legend');
    assert.ok((await page.locator('section.chronicle li').count()) >= 10, 'events listed');
    await pageChecks('timeline');
  });

  await check('timeline: filter form (country KZ)', async () => {
    await page.selectOption('form.filters select[name="country"]', 'KZ');
    await Promise.all([page.waitForURL(/country=KZ/), page.click('form.filters button[type="submit"]')]);
    const places = await page.locator('section.chronicle li > a').allInnerTexts();
    assert.ok(places.length > 0);
    for (const p of places) assert.match(p, /KZ$/, p);
    // The navigation now carries the filter to the other pages.
    assert.match(await page.locator('header nav a', { hasText: 'Events' }).getAttribute('href'), /country=KZ/);
  });

  await check('timeline: brush selects a range', async () => {
    // The detail chart of March 2023 has one bar per day; drag from about
    // the 8th to the 24th, over the examples' events of the 13th–16th.
    await open('/?from=2023-03&to=2023-03');
    const svg = page.locator('svg.timeline').last();
    const box = await svg.boundingBox();
    const y = box.y + box.height * 0.5;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 8 });
    await Promise.all([page.waitForURL(/from=2023-03-\d{2}&to=2023-03-\d{2}/), page.mouse.up()]);
    const u = new URL(page.url());
    const [from, to] = [u.searchParams.get('from'), u.searchParams.get('to')];
    assert.ok(from > '2023-03-01' && from <= '2023-03-13' && to >= '2023-03-16' && to < '2023-03-31', u.href);
    assert.ok((await page.locator('svg.timeline rect.selected').count()) >= 1, 'selection shaded');
    const listed = await page.locator('section.chronicle h3').allInnerTexts();
    assert.ok(listed.length >= 2, 'events of the range listed');
    // Days inside the range, or a coarser date overlapping it (the store's rule).
    for (const day of listed) {
      const d = day.slice(0, 10);
      assert.ok((d >= from && d <= to) || day.startsWith('2023-03 ('), `${day} in ${from}…${to}`);
    }
    assert.ok(listed.some((day) => /^2023-03-\d{2}$/.test(day)), 'a day of the range');
    await pageChecks('timeline-brushed');
  });

  await check('map: outlines and events', async () => {
    await open('/map');
    assert.ok((await page.locator('svg.map path.country').count()) > 150, 'country outlines');
    assert.ok((await page.locator('svg.map circle.event').count()) >= 5, 'event circles');
    assert.ok((await page.locator('svg.map path.country.active').count()) >= 2, 'countries with events');
    await pageChecks('map');
  });

  let shown = 0;
  await check('events: filter, sort, download exactly the rows', async () => {
    await open('/events');
    const all = await page.locator('#events-table tbody tr').count();
    assert.ok(all >= 10, `${all} rows`);
    await page.selectOption('form.filters select[name="kind"]', 'unrest');
    await Promise.all([page.waitForURL(/kind=unrest/), page.click('form.filters button[type="submit"]')]);
    shown = await page.locator('#events-table tbody tr').count();
    assert.ok(shown > 0 && shown < all, `${shown} of ${all}`);
    await Promise.all([page.waitForURL(/sort=reports/), page.click('#events-table th a:text("Reports")')]);
    assert.equal(await page.locator('th[aria-sort="descending"] a').innerText(), 'Reports');
    const reports = (await page.locator('#events-table tbody tr td:nth-child(6)').allInnerTexts()).map(Number);
    assert.deepEqual(reports, [...reports].sort((a, b) => b - a), 'sorted by reports');
    const ids = await page.locator('#events-table tbody td a[href^="/event/"]').allInnerTexts();
    const href = await page.locator('a.download', { hasText: 'GeoJSON' }).getAttribute('href');
    const geo = await (await page.request.get(base + href)).json();
    assert.deepEqual(geo.features.map((f) => f.id), ids, 'GeoJSON = the rows, in order');
    const csvHref = await page.locator('a.download', { hasText: /^CSV$/ }).getAttribute('href');
    const csv = await (await page.request.get(base + csvHref)).text();
    assert.equal(csv.trim().split('\n').length, shown + 1, 'CSV rows + header');
    await pageChecks('events');
  });

  await check('event page via a link: hostile text as text, figures side by side', async () => {
    await open('/events?place=Almaty&from=2022-01-06&to=2022-01-06&kind=killing');
    const link = page.locator('#events-table tbody td a[href^="/event/"]').first();
    await Promise.all([page.waitForURL(/\/event\/ev-/), link.click()]);
    assert.match(await page.locator('h1').innerText(), /killing in Almaty, KZ/);
    const text = await page.locator('article.report .text').allInnerTexts();
    const all = text.join('\n');
    assert.ok(all.includes(`"><img src=x onerror=alert('xss-img')>`), 'img markup shown as text');
    assert.ok(all.includes(`</textarea><svg onload=alert('xss-svg')>`), 'svg markup shown as text');
    assert.ok(all.includes(`<script>alert('xss-2')</script>`), 'script shown as text');
    assert.ok((await page.locator('article.report mark.ev').count()) >= 2, 'evidence marked');
    assert.ok((await page.locator('.claim').count()) >= 2, 'claims side by side');
    assert.equal(await page.locator('.what .conflict').first().innerText(), 'conflicting');
    assert.equal(await page.locator('.acled-number').innerText(), '12');
    const header = await page.locator('article.report header').allInnerTexts();
    assert.ok(header.join('\n').includes(`javascript:alert('xss-url')`), 'javascript: URL as text');
    await pageChecks('event');
  });

  await check('report page: hostile id and text as text', async () => {
    await page.locator('article.report header a.doc').first().click();
    await page.waitForURL(/\/report\//);
    assert.ok((await page.locator('h1').innerText()).includes('xss-'), 'id shown');
    const body = await page.locator('article.report .text').innerText();
    assert.ok(body.includes('<script>') || body.includes('"><img'), 'markup as text');
    await pageChecks('report');
  });

  await check('claims: charts per source', async () => {
    await open('/claims');
    assert.ok((await page.locator('svg.claims').count()) >= 2, 'charts');
    assert.ok((await page.locator('svg.claims circle').count()) >= 2, 'claims drawn');
    assert.ok((await page.locator('table.claims tbody tr').count()) >= 5, 'claims listed');
    await pageChecks('claims');
  });

  await check('search box: stemmed hits, markup as text', async () => {
    await open('/');
    await page.fill('form.search input[name="q"]', 'onerror');
    await Promise.all([page.waitForURL(/\/search\?q=onerror/), page.press('form.search input[name="q"]', 'Enter')]);
    assert.ok((await page.locator('li.hit').count()) >= 1, 'hits');
    assert.equal(await page.locator('li.hit mark').first().innerText(), 'onerror');
    assert.ok((await page.locator('li.hit .snippet').first().innerText()).includes('<img src=x'));
    await page.fill('form.search input[name="q"]', 'Tränengas');
    await Promise.all([page.waitForURL(/q=Tr/), page.press('form.search input[name="q"]', 'Enter')]);
    assert.ok((await page.locator('li.hit').count()) >= 1, 'German hits');
    await pageChecks('search');
  });

  await check('nothing requested outside 127.0.0.1', () => {
    assert.deepEqual(outside, []);
  });
}

let failed = false;
try {
  await main();
  console.log(`browser test: ${passed} checks passed; screenshots in ${shots}`);
} catch (e) {
  failed = true;
  console.error('browser test FAILED:', e);
} finally {
  if (context) await context.close().catch(() => {});
  if (server) server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
  clearTimeout(deadline);
}
process.exit(failed ? 1 : 0);
