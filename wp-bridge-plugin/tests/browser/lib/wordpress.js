'use strict';
// What every browser spec needs: the sites under test, a browser context that never leaves the machine,
// logging in to wp-admin, and screenshots of each step.

const fs = require('node:fs');
const path = require('node:path');

/** The sites the orchestrator serves (agent/src/test/java/com/caricomtr/agent/wordpress/BridgeBrowserTest.java). */
function sitesFromEnv() {
  const raw = process.env.CARICOMTR_BROWSER_SITES;
  if (!raw) {
    throw new Error('CARICOMTR_BROWSER_SITES is not set: run through ./scripts/test.sh or scripts/wp-test-env.sh '
      + '(see wp-bridge-plugin/README.md)');
  }
  return JSON.parse(raw);
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A fresh browser context for one site: every request to another host is aborted and recorded (the admin bar's
 * avatar, update checks, marketplace calls), uncaught page errors are recorded.
 */
async function openContext(browser, site) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const blocked = [];
  const pageErrors = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || LOCAL_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  return { context, blocked, pageErrors, site };
}

/** Logs in through wp-login.php; resolves on the dashboard. */
async function login(page, site, user, password, shot) {
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await shot(page, 'login');
  await Promise.all([page.waitForURL('**/wp-admin/**'), page.click('#wp-submit')]);
  await page.locator('#wpadminbar').waitFor();
  await shot(page, 'dashboard');
}

/** Screenshots, numbered in the order they were taken, in one folder per run. */
function screenshots(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  return (prefix) => async (page, name) => {
    count += 1;
    const file = path.join(dir, `${String(count).padStart(2, '0')}-${prefix}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`    screenshot ${path.basename(file)}`);
    return file;
  };
}

module.exports = { sitesFromEnv, openContext, login, screenshots };
