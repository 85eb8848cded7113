'use strict';
// WooCommerce's order list of the site's storage shows the site's orders, the other storage's URL leads to it, and
// the plugin adds no notice (WooCommerce is active).

const assert = require('node:assert/strict');

const LISTS = {
  hpos: '/wp-admin/admin.php?page=wc-orders',
  legacy: '/wp-admin/edit.php?post_type=shop_order',
};

async function run({ page, site, shot }) {
  const own = LISTS[site.storage];
  const other = LISTS[site.storage === 'hpos' ? 'legacy' : 'hpos'];

  const response = await page.goto(site.url + own);
  assert.equal(response.status(), 200, `${own} answers 200`);
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, own, 'no redirect away from the list');
  const rows = page.locator('table.wp-list-table tbody tr');
  await rows.first().waitFor();
  const numbers = await page.locator('table.wp-list-table tbody tr td.order_number').allInnerTexts();
  assert.ok(numbers.length >= 3, `the sample orders are listed: ${JSON.stringify(numbers)}`);
  assert.ok(numbers.every((n) => /#\d+/.test(n)), `rows name orders: ${JSON.stringify(numbers)}`);
  const links = await page.locator('table.wp-list-table tbody tr td.order_number a.order-view').evaluateAll(
    (anchors) => anchors.map((a) => a.getAttribute('href')));
  const editLink = site.storage === 'hpos' ? /page=wc-orders&action=edit&id=\d+/ : /post\.php\?post=\d+&action=edit/;
  assert.ok(links.length > 0 && links.every((href) => editLink.test(href)), `edit links of the storage: ${links}`);
  assert.equal(await page.locator('.caricomtr-requirements').count(), 0, 'no requirements notice');
  await shot(page, `orders-${site.storage}-list`);

  await page.goto(site.url + other);
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, own,
    `${other} leads to the ${site.storage} list`);
  await page.locator('table.wp-list-table').waitFor();
  await shot(page, `orders-${site.storage === 'hpos' ? 'legacy' : 'hpos'}-url`);
}

module.exports = { run };
