import { expect, test } from './playground';

// Two deploys and invokes each, with the editor typed in: on a shared 2-core machine these can pass 30 s.
test.slow();

test('Node.js built-ins: Buffer, crypto, zlib and /tmp, which a warm invoke finds again', async ({ playground }) => {
  // A full vCPU and room to spare: on a shared machine the first calls' CPU time would be stretched ×13.8 at 128 MB.
  await playground.view('Configuration');
  await playground.memory.fill('1769');
  await playground.timeout.fill('30');
  await playground.setCode(
    [
      "import { createHash } from 'node:crypto';",
      "import { gzipSync, gunzipSync } from 'zlib';",
      "import fs from 'node:fs';",
      'export const handler = async () => {',
      "  if (fs.existsSync('/tmp/note.gz')) {",
      "    const seen = gunzipSync(fs.readFileSync('/tmp/note.gz')).toString('utf8');",
      "    return { seen, md5: createHash('md5').update(seen).digest('hex') };",
      '  }',
      "  const text = Buffer.from('aGVsbG8gL3RtcA==', 'base64').toString();",
      "  fs.writeFileSync('/tmp/note.gz', gzipSync(text));",
      "  return { wrote: text, sha256: createHash('sha256').update(text).digest('hex'), size: fs.statSync('/tmp/note.gz').size };",
      '};',
    ].join('\n'),
  );
  await playground.invoke();
  await expect(playground.response.getByText('Cold start')).toBeVisible();
  await expect(playground.response).toContainText('"wrote": "hello /tmp"');
  await expect(playground.response).toContainText('"sha256": "d6169439a7af03eae49830db1b43dc6bc6dc4337fd6f3b86f7de6c683403e07b"');
  await expect(playground.response).toContainText('"size": 30');

  await playground.invoke();
  await expect(playground.response.getByText('Warm start')).toBeVisible();
  await expect(playground.response).toContainText('"seen": "hello /tmp"');
  await expect(playground.response).toContainText('"md5": "4069fe64793e37ce8e90b9d5ace1f617"');
});

test('Node.js built-ins that cannot exist in a tab, and writes outside /tmp, fail as they should', async ({ playground }) => {
  await playground.view('Configuration');
  await playground.timeout.fill('30');
  await playground.setCode(
    [
      "const fs = require('fs');",
      'exports.handler = async (event) => {',
      "  if (event.write) fs.writeFileSync('/var/task/x.txt', 'x');",
      "  require('child_process');",
      '};',
    ].join('\n'),
  );
  await playground.view('Configuration');
  await playground.page.getByLabel('File').selectOption('index.js');
  await playground.replaceText(playground.event, '{"write": true}');
  await playground.invoke();
  await expect(playground.response).toContainText("EROFS: read-only file system, open '/var/task/x.txt'");
  await playground.replaceText(playground.event, '{}');
  await playground.invoke();
  await expect(playground.response).toContainText("Cannot load Node.js built-in module 'child_process' in the browser playground: a browser tab cannot start processes");
});

test('the global crypto.subtle works in a handler, though the sandbox is not a secure context', async ({ playground }) => {
  await playground.setCode(`export const handler = async () => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
  return Buffer.from(digest).toString('hex');
};`);
  await playground.invoke();
  await expect(playground.response.locator('pre')).toHaveText('"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"');
});
