// The dashboard as its users click through it, in Debian's headless chromium (issue 13):
// a visitor who is not signed in lands on the login page; the county administrator signs in,
// sets the as-of date, filters to behind units, exports the CSV (read back and compared with the
// table shown), drills down to a township and signs out; a village secretary sees their branch
// and gets 403 for the county. Screenshots go to ARTIFACTS.
//   node dashboard_flow.mjs BASE_URL ARTIFACTS ADMIN_EMAIL ADMIN_PASSWORD SECRETARY_EMAIL SECRETARY_PASSWORD AS_OF
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const [base, artifacts, adminEmail, adminPassword, secretaryEmail, secretaryPassword, asOf] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
});
const step = (name) => process.stdout.write(`step: ${name}\n`);

async function signIn(page, email, password) {
  await page.goto(`${base}/overview/county`);
  assert.equal(new URL(page.url()).pathname, '/login', 'a visitor who is not signed in is sent to /login');
  await page.type('input[name=email]', email);
  await page.type('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

const rowUnits = (page) => page.$$eval('table.overview tbody tr', (rows) => rows.map((r) => r.dataset.unit));

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });

  step('the county administrator signs in and lands on the county overview');
  await signIn(page, adminEmail, adminPassword);
  assert.equal(new URL(page.url()).pathname, '/overview/county');
  assert.equal(await page.$eval('html', (h) => h.lang), 'zh-CN');
  await page.$eval('input[name=as_of]', (input, day) => { input.value = day; }, asOf);
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
  const townships = await rowUnits(page);
  assert.ok(townships.length >= 10, `the county's townships are rows (${townships})`);
  await page.screenshot({ path: `${artifacts}/overview-county.png`, fullPage: true });

  step('filters to every behind unit of the county');
  await page.select('select[name=status]', 'behind');
  await page.select('select[name=show]', 'all');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
  const behind = await rowUnits(page);
  assert.ok(behind.length > 0, 'the demo county has units behind');
  const everyRowBehind = await page.$$eval('table.overview tbody tr', (rows) =>
    rows.every((r) => r.querySelector('td[data-status=behind]') !== null));
  assert.ok(everyRowBehind, 'every row shown has a cell that is behind');
  await page.screenshot({ path: `${artifacts}/overview-behind.png`, fullPage: true });

  step('exports the CSV (a download, as a user clicks it) and reads it back');
  const downloads = `${artifacts}/downloads`;
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  const done = new Promise((resolve) => cdp.on('Browser.downloadProgress', (e) => e.state === 'completed' && resolve()));
  await page.click('p.downloads a');
  await done;
  const file = `${downloads}/overview-county-${asOf}.csv`;
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '');
  assert.equal(lines.length, behind.length + 2, 'header, the rows shown, the total');
  assert.deepEqual(lines.slice(1, -1).map((l) => l.split(',')[0]), behind, 'the CSV rows are the rows shown, in order');

  step('drills down from the county to its worst township');
  await page.goto(`${base}/overview/county?as_of=${asOf}`);
  const first = await page.$eval('table.overview tbody tr[data-unit] th a', (a) => a.getAttribute('href'));
  await Promise.all([page.waitForNavigation(), page.click('table.overview tbody tr[data-unit] th a')]);
  assert.equal(new URL(page.url()).pathname, first.split('?')[0]);
  assert.ok((await page.$eval('nav.crumbs', (n) => n.textContent)).length > 0, 'breadcrumbs lead back up');
  await page.screenshot({ path: `${artifacts}/overview-township.png`, fullPage: true });

  step('switches to English and prints');
  await Promise.all([page.waitForNavigation(), page.click('header.site a.lang')]);
  assert.equal(await page.$eval('html', (h) => h.lang), 'en');
  await page.emulateMediaType('print');
  assert.equal(await page.$eval('form.filters', (f) => getComputedStyle(f).display), 'none', 'print hides the filters');
  await page.pdf({ path: `${artifacts}/overview-township.pdf`, landscape: true });
  await page.emulateMediaType('screen');

  step('signs out');
  await Promise.all([page.waitForNavigation(), page.click('header.site button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/login');

  step('a village secretary sees their branch and not the county');
  await signIn(page, secretaryEmail, secretaryPassword);
  assert.match(new URL(page.url()).pathname, /^\/overview\/town-/);
  const own = await page.goto(`${base}/overview/county`);
  assert.equal(own.status(), 403);
  await page.screenshot({ path: `${artifacts}/secretary-403.png` });
  process.stdout.write('ok\n');
} finally {
  await browser.close();
}
