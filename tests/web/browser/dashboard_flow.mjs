// The dashboard as its users click through it, in Debian's headless chromium (issue 13):
// a visitor who is not signed in lands on the login page; a village secretary records a
// session with the form and sees the rule turn from behind to on track, and gets 403 for the
// county; the county administrator sets the as-of date, filters to behind units, downloads the
// CSV (read back and compared with the table shown), reads the inspection summary, drills
// down to the township, opens the village and returns (退回) the record with a reason, switches
// to English, prints and signs out. Screenshots go to ARTIFACTS.
//   node dashboard_flow.mjs BASE_URL ARTIFACTS ADMIN_EMAIL ADMIN_PASSWORD SECRETARY_EMAIL SECRETARY_PASSWORD
//        VILLAGE AS_OF
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const [base, artifacts, adminEmail, adminPassword, secretaryEmail, secretaryPassword, village, asOf] =
  process.argv.slice(2);
const rule = 'branch-theory-study';
mkdirSync(artifacts, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
});
const step = (name) => process.stdout.write(`step: ${name}\n`);
const path = (page) => new URL(page.url()).pathname;
const submit = (page, selector) => Promise.all([page.waitForNavigation(), page.click(selector)]);
const statusOf = (page) => page.$eval(`table.standing td[data-rule=${rule}]`, (td) => td.dataset.status);
const rowUnits = (page) => page.$$eval('table.overview tbody tr', (rows) => rows.map((r) => r.dataset.unit));

async function signIn(page, email, password) {
  await page.goto(`${base}/overview/county`);
  assert.equal(path(page), '/login', 'a visitor who is not signed in is sent to /login');
  await page.type('input[name=email]', email);
  await page.type('input[name=password]', password);
  await submit(page, 'button[type=submit]');
}

async function secretaryRecords(page) {
  step('a village secretary signs in and lands on their branch');
  await signIn(page, secretaryEmail, secretaryPassword);
  assert.equal(path(page), `/units/${village}`);
  await page.goto(`${base}/units/${village}?as_of=${asOf}`);
  assert.equal(await statusOf(page), 'behind');
  step('records a theory study session and sees the rule on track at once');
  await page.select('form.record select[name=rule]', rule);
  await page.$eval('form.record input[name=date]', (input) => { input.value = '2026-06-26'; });
  await page.type('form.record input[name=expected]', '20');
  await page.type('form.record input[name=present]', '18');
  await page.type('form.record textarea[name=note]', '学习《条例》第三章');
  await submit(page, 'form.record button[type=submit]');
  assert.equal(path(page), `/units/${village}`);
  assert.ok((await page.$eval('p.notice', (p) => p.textContent)).includes('已保存'));
  assert.equal(await statusOf(page), 'on_track');
  await page.screenshot({ path: `${artifacts}/secretary-recorded.png`, fullPage: true });
  const county = await page.goto(`${base}/overview/county`);
  assert.equal(county.status(), 403, "the county's overview is not a village secretary's");
  await page.goto(`${base}/units/${village}`);
  await submit(page, 'header.site button[type=submit]');
  assert.equal(path(page), '/login');
}

async function administratorFilters(page) {
  step('the county administrator signs in and lands on the county overview');
  await signIn(page, adminEmail, adminPassword);
  assert.equal(path(page), '/overview/county');
  assert.equal(await page.$eval('html', (h) => h.lang), 'zh-CN');
  await page.$eval('input[name=as_of]', (input, day) => { input.value = day; }, asOf);
  await submit(page, 'form.filters button[type=submit]');
  assert.ok((await rowUnits(page)).length >= 10, "the county's townships are rows");
  await page.screenshot({ path: `${artifacts}/overview-county.png`, fullPage: true });

  step('filters to every behind unit of the county');
  await page.select('select[name=status]', 'behind');
  await page.select('select[name=show]', 'all');
  await submit(page, 'form.filters button[type=submit]');
  const behind = await rowUnits(page);
  assert.ok(behind.length > 0, 'the demo county has units behind');
  assert.ok(!behind.includes(village), 'the village that recorded is no longer behind');
  const everyRowBehind = await page.$$eval('table.overview tbody tr', (rows) =>
    rows.every((r) => r.querySelector('td[data-status=behind]') !== null));
  assert.ok(everyRowBehind, 'every row shown has a cell that is behind');
  await page.screenshot({ path: `${artifacts}/overview-behind.png`, fullPage: true });
  return behind;
}

async function administratorExports(page, behind) {
  step('downloads the CSV, as a user clicks it, and reads it back');
  const downloads = `${artifacts}/downloads`;
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  const done = new Promise((resolve) => cdp.on('Browser.downloadProgress', (e) => e.state === 'completed' && resolve()));
  await page.click('p.downloads a');
  await done;
  const bytes = readFileSync(`${downloads}/overview-county-${asOf}.csv`);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '');
  assert.equal(lines.length, behind.length + 2, 'header, the rows shown, the total');
  assert.deepEqual(lines.slice(1, -1).map((l) => l.split(',')[0]), behind, 'the CSV rows are the rows shown, in order');
}

async function administratorReadsTheSummary(page) {
  step("opens the county's inspection summary: it names the townships behind on their study group");
  await page.goto(`${base}/overview/county?as_of=${asOf}`);
  const href = await page.$eval('p.downloads a[href*="/summary"]', (a) => a.getAttribute('href'));
  await submit(page, 'p.downloads a[href*="/summary"]');
  assert.equal(path(page), '/overview/county/summary', href);
  const text = await page.$eval('div.written', (d) => d.textContent);
  assert.match(text, /^截至2026年6月30日/);
  assert.match(text, /中心组学习按要求全年不少于12次[^。]*。[^。]*杨柳镇党委中心组学习仅5次/);
  await page.screenshot({ path: `${artifacts}/inspection-summary.png`, fullPage: true });
}

async function administratorReturns(page) {
  step("drills down to the village's township and opens the village");
  const township = village.replace(/-v\d+$/, '');
  await page.goto(`${base}/overview/county?as_of=${asOf}`);
  await submit(page, `table.overview tbody tr[data-unit=${township}] th a`);
  assert.equal(path(page), `/overview/${township}`);
  await page.screenshot({ path: `${artifacts}/overview-township.png`, fullPage: true });
  await submit(page, `table.overview tbody tr[data-unit=${village}] th a`);
  assert.equal(path(page), `/units/${village}`);

  step('returns the new record with a reason, and the rule is behind again');
  const recorded = await page.$$eval('table.records tbody tr', (rows) =>
    rows.filter((r) => r.textContent.includes('学习《条例》第三章')).map((r) => r.dataset.record));
  assert.equal(recorded.length, 1, "the secretary's record is listed, with who entered it");
  const form = `table.records tr[data-record="${recorded[0]}"] form.return`;
  await page.type(`${form} input[name=reason]`, '缺签到表');
  await submit(page, `${form} button[type=submit]`);
  assert.ok((await page.$eval(`tr[data-record="${recorded[0]}"]`, (r) => r.textContent)).includes('缺签到表'));
  assert.equal(await statusOf(page), 'behind');
  await page.screenshot({ path: `${artifacts}/record-returned.png`, fullPage: true });

  step('switches to English and prints');
  await submit(page, 'header.site a.lang');
  assert.equal(await page.$eval('html', (h) => h.lang), 'en');
  await page.emulateMediaType('print');
  assert.equal(await page.$eval('form.record', (f) => getComputedStyle(f).display), 'none', 'print hides the forms');
  await page.pdf({ path: `${artifacts}/unit-page.pdf`, landscape: true });
  await page.emulateMediaType('screen');
  await submit(page, 'header.site button[type=submit]');
  assert.equal(path(page), '/login');
}

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await secretaryRecords(page);
  const behind = await administratorFilters(page);
  await administratorExports(page, behind);
  await administratorReadsTheSummary(page);
  await administratorReturns(page);
  process.stdout.write('ok\n');
} finally {
  await browser.close();
}
