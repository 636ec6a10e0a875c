// check.mjs: open each page in Debian's Chromium, run axe-core with the
// WCAG 2.0, 2.1 and 2.2 A and AA rules, save a full-page screenshot, check
// that the page reflows at 320 CSS pixels (WCAG 1.4.10, which axe does not
// test), and exit 1 if any page fails.
//
//   node check.mjs SCREENSHOT_DIR page.html [page.html ...]
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [shotDir, ...pages] = process.argv.slice(2);
if (!shotDir || pages.length === 0) {
  console.error('usage: node check.mjs SCREENSHOT_DIR page.html [page.html ...]');
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });

// Chromium as this machine allows it: no sandbox (root), no GPU, and none
// of the background connections the closed network refuses. The profile
// is a fresh folder each run, removed as the script exits (failed or not).
const profile = mkdtempSync(join(tmpdir(), 'a11y-profile-'));
process.on('exit', () => rmSync(profile, { recursive: true, force: true }));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1100, height: 900 },
});

let failures = 0;
for (const page of pages) {
  const tab = await context.newPage();
  await tab.goto('file://' + resolve(page));
  await tab.addScriptTag({ content: axeSource });
  const result = await tab.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
  }));
  const name = basename(page) === 'index.html' ? 'index' : basename(resolve(page, '..')) + '-' + basename(page, '.html');
  await tab.screenshot({ path: join(shotDir, name + '.png'), fullPage: true });
  console.log(`${page}: ${result.passes.length} rules passed, ${result.violations.length} violated, ${result.incomplete.length} to review by hand`);
  for (const v of result.incomplete) {
    console.log(`  review: ${v.id}: ${v.help} (${v.nodes.length} elements)`);
  }
  for (const v of result.violations) {
    failures++;
    console.log(`  ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes.slice(0, 5)) {
      console.log(`    ${node.target.join(' ')}: ${node.failureSummary.replace(/\n/g, ' ')}`);
    }
  }
  // Reflow: at 320 CSS pixels (a 1280-pixel screen zoomed to 400%) the
  // page must not scroll sideways; a wide table scrolls in its own box.
  await tab.setViewportSize({ width: 320, height: 640 });
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await tab.screenshot({ path: join(shotDir, name + '-320.png'), fullPage: true });
  if (overflow > 0) {
    failures++;
    console.log(`  reflow: at 320 CSS pixels the page scrolls sideways by ${overflow} pixels (WCAG 1.4.10)`);
  }
  await tab.close();
}
await context.close();
process.exit(failures > 0 ? 1 : 0);
