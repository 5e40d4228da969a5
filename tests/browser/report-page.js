#!/usr/bin/env node
// Opens a report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) once and prints,
// as JSON, what a reader would see: every visual's kind and drawn values, the values after picking the first value
// of the first dropdown filter and after moving the lower end of the first range filter, a table's first column after
// one and two clicks on its header, the tooltip of a hovered mark, and every request the page made.
// Usage: node tests/browser/report-page.js <report.html> [--screenshot <file.png> [--width <px>]]
// Exit 1 when the page throws or Chromium is missing: a browser test that cannot run must fail, never pass.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function visuals(page) {
  return page.$$eval('[data-visual]', (figures) => figures.map((f) => ({
    id: f.dataset.visual,
    kind: f.dataset.kind,
    marks: Number(f.dataset.marks),
    values: JSON.parse(f.dataset.values || '[]'),
    svg: f.querySelector('.chart svg') !== null,
    table: f.querySelector('.chart table') !== null,
  })));
}

async function main() {
  const args = process.argv.slice(2);
  const file = args[0];
  const shot = args.indexOf('--screenshot') >= 0 ? args[args.indexOf('--screenshot') + 1] : null;
  const width = args.indexOf('--width') >= 0 ? Number(args[args.indexOf('--width') + 1]) : 1280;
  if (!file || !fs.existsSync(file)) throw new Error(`No report at '${file}'.`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; install it with apt-get install -y chromium.`);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'report-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(5000);
    // A visual on another sheet is hidden until its tab is picked, as a reader would.
    const show = async (figure) => {
      const sheet = await figure.evaluate((f) => f.closest('.sheet').dataset.sheet);
      const tab = figure.locator('xpath=ancestor::section[1]').locator(`.tabs button[data-sheet="${sheet}"]`);
      if (await tab.count() > 0) await tab.click();
    };
    const requests = [];
    const errors = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    const url = 'file://' + path.resolve(file);
    await page.goto(url, { waitUntil: 'load' });

    const result = { url, before: await visuals(page) };
    if (shot) {
      const dashboard = page.locator('section.dashboard').first();
      await dashboard.screenshot({ path: shot });
    }

    const dropdown = page.locator('.filter[data-control="dropdown"] select').first();
    if (await dropdown.count() > 0) {
      const first = await dropdown.locator('option').first().getAttribute('value');
      await dropdown.selectOption([first]);
      result.dropdown = { picked: first, after: await visuals(page) };
      await dropdown.selectOption([]);
    }
    const range = page.locator('.filter[data-control="range"] input[data-end="min"]').first();
    if (await range.count() > 0) {
      const [min, max, step] = await Promise.all(['min', 'max', 'step'].map((a) => range.getAttribute(a)).map(async (p) => Number(await p)));
      const lower = Math.round((min + (max - min) / 2) / step) * step;
      // A slider takes no typed text: set it as a drag does, then tell the page.
      const slide = (value) => range.evaluate((input, v) => {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, String(value));
      await slide(lower);
      result.range = { lower, after: await visuals(page) };
      await slide(min);
    }

    const header = page.locator('[data-kind="table"] th button').first();
    if (await header.count() > 0) {
      const table = page.locator('[data-kind="table"]').first();
      await show(table);
      const firstColumn = () => table.locator('tr td:first-child').allTextContents();
      await header.click();
      const ascending = await firstColumn();
      await header.click();
      result.tableSort = { ascending, descending: await firstColumn() };
    }

    const mark = page.locator('[data-kind="bar"] .mark').first();
    if (await mark.count() > 0) {
      await show(page.locator('[data-kind="bar"]').first());
      await mark.hover();
      result.tooltip = await page.locator('.tip').textContent();
    }
    result.requests = requests;
    result.errors = errors;
    process.stdout.write(JSON.stringify(result) + '\n');
    return errors.length === 0 ? 0 : 1;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
