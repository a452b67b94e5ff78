import { expect, test } from './playground';

/** The app's own server, which a handler must not reach (PW_PORT when two runs share the machine). */
const APP = `http://127.0.0.1:${process.env.PW_PORT ?? 4173}`;

const probe = (name: string, attempt: string): string => `
export const handler = async () => {
  try {
    const value = await (async () => { ${attempt} })();
    return { ${name}: 'read', value: String(value) };
  } catch (e) {
    return { ${name}: 'blocked', error: String(e && e.name) };
  }
};`;

const attempts: [string, string][] = [
  ['localStorage', "return localStorage.getItem('secret');"],
  ['indexedDB', "return await new Promise((ok, no) => { const r = indexedDB.open('app'); r.onsuccess = () => ok(r.result.name); r.onerror = () => no(r.error); });"],
  ['parentDocument', 'return parent.document.title;'],
  ['documentCookie', 'return document.cookie;'],
  ['fetch', `const r = await fetch(location.origin === 'null' ? '${APP}/' : '/'); return r.status;`],
  ['selfFetchApp', `const r = await fetch('${APP}/index.html'); return r.status;`],
];

for (const [name, attempt] of attempts) {
  test(`a handler cannot reach ${name}`, async ({ playground, page }) => {
    await page.evaluate(() => localStorage.setItem('secret', 'app-secret'));
    await playground.setCode(probe(name, attempt));
    await playground.invoke();
    await expect(playground.response).toContainText(`"${name}": "blocked"`);
    await expect(playground.response).not.toContainText('app-secret');
  });
}

test('network access is a per-function setting, enforced by the sandbox policy', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async () => {
  try { await fetch('${APP}/favicon.svg', { mode: 'no-cors' }); return 'reached'; }
  catch (e) { return 'blocked: ' + e.name; }
};`);
  await playground.invoke();
  await expect(playground.response.locator('pre')).toHaveText('"blocked: TypeError"');
  await playground.view('Configuration');
  await page.getByLabel('Network access (fetch)').check();
  await playground.invoke();
  await expect(playground.response.locator('pre')).toHaveText('"reached"');
});
