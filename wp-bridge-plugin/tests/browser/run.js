'use strict';
// Runs every spec in specs/ (in file-name order) against every site the orchestrator serves, in one headless
// Chromium (Debian's /usr/bin/chromium through playwright-core: no browser is downloaded). Exit code 0 only when
// every spec passed on every site. Screenshots of each step go to screenshots/ (or CARICOMTR_BROWSER_SCREENSHOTS).
//
// Environment: CARICOMTR_BROWSER_SITES (JSON: [{name, storage, url, site_id, firma_kodu}]),
// CARICOMTR_BROWSER_USER, CARICOMTR_BROWSER_PASSWORD, CARICOMTR_CHROMIUM (default /usr/bin/chromium),
// CARICOMTR_AGENT_URL, CARICOMTR_SANDBOX_URL; CARICOMTR_BROWSER_SPECS: a comma-separated subset of spec files.

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const wordpress = require('./lib/wordpress');

async function main() {
  const sites = wordpress.sitesFromEnv();
  const env = {
    user: process.env.CARICOMTR_BROWSER_USER || 'admin',
    password: process.env.CARICOMTR_BROWSER_PASSWORD || 'admin-pass',
    agentUrl: process.env.CARICOMTR_AGENT_URL || '',
    sandboxUrl: process.env.CARICOMTR_SANDBOX_URL || '',
  };
  const shots = wordpress.screenshots(process.env.CARICOMTR_BROWSER_SCREENSHOTS || path.join(__dirname, 'screenshots'));
  const only = (process.env.CARICOMTR_BROWSER_SPECS || '').split(',').filter(Boolean);
  const specs = fs.readdirSync(path.join(__dirname, 'specs')).filter((f) => f.endsWith('.spec.js')).sort()
    .filter((f) => only.length === 0 || only.includes(f));

  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CARICOMTR_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  console.log(`chromium ${browser.version()} launched in ${Date.now() - started} ms`);
  const failures = [];
  try {
    for (const file of specs) {
      const spec = require(path.join(__dirname, 'specs', file));
      for (const site of sites) {
        const label = `${file} on the ${site.name} site (${site.url})`;
        const t0 = Date.now();
        console.log(`${label}`);
        const ctx = await wordpress.openContext(browser, site);
        const shot = shots(`${site.name}-${path.basename(file, '.spec.js')}`);
        try {
          const page = await ctx.context.newPage();
          await wordpress.login(page, site, env.user, env.password, shot);
          await spec.run({ page, site, shot, env, ...ctx });
          if (ctx.pageErrors.length > 0) {
            throw new Error(`uncaught errors in the page:\n  ${ctx.pageErrors.join('\n  ')}`);
          }
          console.log(`  ok (${Date.now() - t0} ms${ctx.blocked.length ? `; ${ctx.blocked.length} request(s) to other hosts blocked: ${[...new Set(ctx.blocked.map((u) => new URL(u).host))].join(', ')}` : ''})`);
        } catch (error) {
          failures.push(`${label}: ${error.stack || error}`);
          console.log(`  FAILED: ${error.message}`);
          for (const page of ctx.context.pages()) {
            await shot(page, 'failure').catch(() => {});
          }
        } finally {
          await ctx.context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${specs.length} spec(s) on ${sites.length} site(s) in ${Date.now() - started} ms; ${failures.length} failed`);
  if (failures.length > 0) {
    console.log(failures.join('\n\n'));
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
