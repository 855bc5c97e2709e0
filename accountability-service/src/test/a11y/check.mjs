// node check.mjs URL...: loads each page in headless Chromium (/usr/bin/chromium, or $CHROMIUM), runs axe-core's WCAG
// 2.0, 2.1 and 2.2 A and AA rules, and prints one JSON line per page: {url, violations: [{id, impact, help, nodes}]}.
// Exits 1 when any page has a violation, 2 when a page could not be checked.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (const url of process.argv.slice(2)) {
    const page = await browser.newPage();
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) {
      console.log(JSON.stringify({ url, error: `status ${response && response.status()}` }));
      process.exitCode = 2;
      continue;
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
    const violations = result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    console.log(JSON.stringify({ url, passes: result.passes.length, violations }));
    failed = failed || violations.length > 0;
    await page.close();
  }
} finally {
  await browser.close();
}
if (failed && !process.exitCode) process.exitCode = 1;
