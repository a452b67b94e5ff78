import { readFileSync } from 'node:fs';
import { readZip } from '../src/bridge/zipReader';
import { expect, Playground, savedWorkspace, test } from './playground';

const code = (marker: string): string => `export const handler = async () => ({ marker: '${marker}' });\n`;

async function editAndWaitForSave(playground: Playground, marker: string, memory: string): Promise<void> {
  await playground.setCode(code(marker));
  await playground.view('Configuration');
  await playground.memory.fill(memory);
  await expect.poll(() => savedWorkspace(playground.page), { timeout: 5_000 }).toContain(marker);
  await expect.poll(() => savedWorkspace(playground.page)).toContain(`"memoryMb":${memory}`);
}

test('a copied link opens the same function in a fresh browser context', async ({ playground, page, browser }) => {
  await playground.setCode(code('shared-link-🚀'));
  await playground.view('Configuration');
  await playground.memory.fill('512');
  await playground.view('Run');
  await page.getByRole('button', { name: 'Save event' }).click();
  await page.getByLabel('Event name').fill('second event');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#ws2\.\d+\.[0-9a-f]{8}\./);
  await expect(page.getByRole('dialog', { name: 'Share link' })).toContainText(/This link is [\d,]+ characters long/);
  const url = await field.inputValue();

  const fresh = await browser.newContext();
  const other = new Playground(await fresh.newPage());
  await other.page.goto(url);
  await expect(other.memory).toHaveValue('512');
  await expect(other.code).toHaveValue(/shared-link-🚀/);
  await expect(other.page.getByRole('status').filter({ hasText: 'opened from a link' })).toContainText('sandboxed frame');
  await expect(other.page.getByLabel('Saved test events')).toContainText('second event');
  await other.invoke();
  expect(await other.responseText()).toContain('shared-link-🚀');
  expect(other.page.url()).not.toContain('#ws2');
  await fresh.close();
});

test('a reload shows the autosaved workspace', async ({ playground, page }) => {
  await editAndWaitForSave(playground, 'autosaved-✓', '256');
  await page.reload();
  await expect(playground.memory).toHaveValue('256');
  await expect(playground.code).toHaveValue(/autosaved-✓/);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
});

test('a corrupted or truncated link says why, and the workspace stays as it was', async ({ playground, page }) => {
  await editAndWaitForSave(playground, 'mine-not-theirs', '384');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const good = (await page.getByRole('textbox', { name: 'Share link' }).inputValue()).split('#')[1] ?? '';
  const i = good.length - 20;
  const tampered = `${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`;

  const linkAlert = page.getByRole('alert').filter({ hasText: 'This link' });
  await page.goto('about:blank');
  await page.goto(`/#${tampered}`);
  await expect(linkAlert).toContainText('does not match its checksum');
  await expect(linkAlert).toContainText('your workspace is unchanged');
  await expect(playground.memory).toHaveValue('384');
  await expect(playground.code).toHaveValue(/mine-not-theirs/);

  await page.goto(`/#${good.slice(0, Math.floor(good.length / 2))}`);
  await expect(linkAlert).toContainText('This link is incomplete');
  await expect(playground.code).toHaveValue(/mine-not-theirs/);
  await playground.invoke();
  expect(await playground.responseText()).toContain('mine-not-theirs');
});

test('Export downloads a SAM project zip; Import brings it back', async ({ playground, page }) => {
  await editAndWaitForSave(playground, 'exported-handler', '512');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const zipPath = await download.path();
  const entries = await readZip(new Uint8Array(readFileSync(zipPath)));
  const files = new Map(entries.map((e) => [e.path, new TextDecoder().decode(e.data)]));
  expect([...files.keys()]).toEqual(expect.arrayContaining(['template.yaml', 'README.md', 'playground.json', 'src/my-function/index.mjs', 'events/my-function.json']));
  expect(files.get('src/my-function/index.mjs')).toContain('exported-handler');
  const template = files.get('template.yaml') ?? '';
  expect(template).toContain('Transform: AWS::Serverless-2016-10-31');
  expect(template).toContain('Type: AWS::Serverless::Function');
  expect(template).toContain('MemorySize: 512');
  expect(template).toContain('Handler: index.handler');
  expect(files.get('README.md')).toContain('sam deploy --guided');

  await playground.setCode(code('changed-after-export'));
  await page.getByLabel('Workspace to import').setInputFiles(zipPath);
  await expect(page.getByRole('status').filter({ hasText: 'imported from a file' })).toBeVisible();
  await expect(playground.code).toHaveValue(/exported-handler/);
  await expect(playground.memory).toHaveValue('512');
});

test('embed mode shows the editor and run controls, read-only, with a link to the full playground', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const fragment = (await page.getByRole('textbox', { name: 'Share link' }).inputValue()).split('#')[1];
  await page.goto(`/?embed=1&readonly=1#${fragment}`);
  const embedded = new Playground(page);
  await expect(page.getByRole('link', { name: /Open in the full playground/ })).toHaveAttribute('href', /#ws2\./);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(page.getByText('read-only')).toBeVisible();
  await embedded.invoke();
  expect(await embedded.responseText()).toContain('Hello, Lambda!');
});

test('when the browser refuses storage, the page says so and asks before a link replaces unsaved work', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  const playground = new Playground(page);
  await playground.open();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('private windows');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  await playground.setCode(code('unsaved-work'));
  await page.goto(`/#${link.split('#')[1]}`);
  const ask = page.getByRole('alertdialog', { name: 'Open the shared workspace?' });
  await expect(ask).toContainText('would be replaced and lost');
  await ask.getByRole('button', { name: 'Keep my work' }).click();
  await expect(playground.code).toHaveValue(/unsaved-work/);
});
