import { expect, test } from './playground';

test('one console call is one log event, shown on several lines when it holds newlines', async ({ playground }) => {
  await playground.setCode("export const handler = async () => {\n  console.log(JSON.stringify({ a: 1, b: [2, 3] }, null, 2));\n  return 'ok';\n};");
  await playground.invoke();
  const entry = playground.logs.getByText(/\tINFO\t\{\n {2}"a": 1,\n {2}"b": \[\n {4}2,\n {4}3\n {2}\]\n\}$/);
  await expect(entry).toHaveCount(1);
  const start = playground.logs.getByText(/^START RequestId/).last();
  const [entryBox, startBox] = [await entry.boundingBox(), await start.boundingBox()];
  // Seven lines of one event, drawn as one entry: far taller than a one-line entry.
  expect((entryBox?.height ?? 0) / (startBox?.height ?? 1)).toBeGreaterThan(5);
});

test('the JSON log format writes application logs and platform events as JSON, filtered by level', async ({ playground, page }) => {
  await playground.setCode("export const handler = async () => {\n  console.info({ order: 7 });\n  console.debug('hidden at INFO');\n  return 'ok';\n};");
  await playground.view('Configuration');
  await page.getByLabel('Log format').selectOption('JSON');
  await expect(page.getByLabel('Application log level')).toHaveValue('INFO');
  await expect(page.getByLabel('System log level')).toHaveValue('INFO');
  await playground.invokeButton.click();
  const report = playground.logs.getByText(/^\{"time":"[^"]+","type":"platform\.report","record":\{"requestId":"[0-9a-f-]{36}","metrics":\{"durationMs":[\d.]+,"billedDurationMs":\d+,"memorySizeMB":128,"maxMemoryUsedMB":\d+,"initDurationMs":[\d.]+\},"status":"success"\}\}$/);
  await expect(report).toHaveCount(1);
  await expect(playground.logs.getByText(/^\{"time":"[^"]+","type":"platform\.start","record":\{"requestId":"[0-9a-f-]{36}","version":"\$LATEST"\}\}$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^\{"timestamp":"[^"]+","level":"INFO","requestId":"[0-9a-f-]{36}","message":\{"order":7\}\}$/)).toHaveCount(1);
  await expect(playground.logs.getByText('hidden at INFO')).toHaveCount(0);
  await expect(playground.logs.getByText(/^(START|END|REPORT) RequestId/)).toHaveCount(0);
  // The Response panel's figures are the report's.
  await playground.view('Run');
  await expect(playground.response.getByText('Succeeded')).toBeVisible();

  await playground.view('Configuration');
  await page.getByLabel('System log level').selectOption('DEBUG');
  await page.getByLabel('Application log level').selectOption('DEBUG');
  await playground.invokeButton.click();
  await expect(playground.logs.getByText(/"type":"platform\.runtimeDone"/)).toHaveCount(1);
  await expect(playground.logs.getByText(/"level":"DEBUG","requestId":"[0-9a-f-]{36}","message":"hidden at INFO"/)).toHaveCount(1);
  await expect(playground.logs.getByText(/"type":"platform\.report"/)).toHaveCount(2);
});

test('a trace line is a link that puts the cursor on the failing line, which the editor marks', async ({ playground, page }) => {
  const code = ['export const handler = async (event) => {', '  const x = 1;', '  if (x) {', "    throw new Error('boom');", '  }', '};'].join('\n');
  await playground.setCode(code);
  await playground.invoke();
  await expect(playground.response).toContainText('"errorMessage": "boom"');
  await expect(playground.response).not.toContainText('blob:');
  await expect(page.getByText('Failed at line 4')).toBeVisible();
  const cursor = page.getByRole('status', { name: 'Cursor position' });
  await page.getByLabel('Pattern').focus();

  // The editor may indent typed lines its own way: the link names the column of the code as it stands.
  const link = playground.response.getByRole('button', { name: /^Go to line 4, column \d+ \(file:\/\/\/var\/task\/index\.mjs:4:\d+\)$/ });
  const column = /column (\d+)/.exec((await link.getAttribute('aria-label')) ?? '')?.[1];
  await link.click();
  await expect(cursor).toHaveText(`Ln 4, Col ${column}`);
  await expect(playground.code).toBeFocused();

  await page.keyboard.press('ControlOrMeta+Home');
  await expect(cursor).toHaveText('Ln 1, Col 1');
  await playground.logs.getByRole('button', { name: /^Go to line 4, column \d+/ }).click();
  await expect(cursor).toHaveText(`Ln 4, Col ${column}`);
  // The column is the one of `new Error` in the line the editor holds (its text area mirrors the whole document).
  const held = (await playground.code.inputValue()).split('\n')[3] ?? '';
  expect(Number(column)).toBe(held.indexOf('new Error') + 1);
});

test('TypeScript traces point at the code in the editor, through the source map', async ({ playground, page }) => {
  await playground.view('Configuration');
  await page.getByLabel('File').selectOption('index.ts');
  // Lines without an open brace, so the editor types them exactly as written.
  const line1 = "const fail = (n: number, why: string): never => { throw new Error(why + ' ' + n); };";
  const line2 = 'export const handler = async (event: { n: number }): Promise<number> => fail(event.n, "positive");';
  await playground.setCode(`${line1}\n${line2}`);
  await playground.replaceText(playground.event, '{"n": 1}');
  await playground.invoke();
  const cursor = page.getByRole('status', { name: 'Cursor position' });
  const throwAt = line1.indexOf('new Error') + 1;
  const callAt = line2.indexOf('fail(event') + 1;
  await playground.response.getByRole('button', { name: `Go to line 1, column ${throwAt} (file:///var/task/index.ts:1:${throwAt})` }).click();
  await expect(cursor).toHaveText(`Ln 1, Col ${throwAt}`);
  await playground.response.getByRole('button', { name: `Go to line 2, column ${callAt} (file:///var/task/index.ts:2:${callAt})` }).click();
  await expect(cursor).toHaveText(`Ln 2, Col ${callAt}`);
});

test("a syntax error reads as Node's message for the file, and a thrown string as the runtime reports it", async ({ playground }) => {
  await playground.setCode('export const handler = async (event) => {\n  return { ok: true ;\n};');
  await playground.invoke();
  await expect(playground.response).toContainText(`"errorMessage": "SyntaxError: Unexpected token ';'"`);
  await expect(playground.response.getByRole('button', { name: /^Go to line 2, column \d+ \(file:\/\/\/var\/task\/index\.mjs:2:\d+\)$/ })).toBeVisible();

  await playground.setCode("export const handler = async () => { throw 'oops'; };");
  await playground.invoke();
  await expect(playground.response.locator('pre')).toHaveText('{\n  "errorType": "string",\n  "errorMessage": "oops",\n  "trace": []\n}');
});

test('CommonJS traces name the file as a path, and a CommonJS syntax error carries its place', async ({ playground, page }) => {
  await playground.view('Configuration');
  await page.getByLabel('File').selectOption('index.cjs');
  const line = "exports.handler = async () => { throw new Error('cjs'); };";
  await playground.setCode(line);
  await playground.invoke();
  const column = line.indexOf('new Error') + 1;
  await expect(playground.response).toContainText(`at exports.handler (/var/task/index.cjs:1:${column})`);
  await expect(playground.response.getByRole('button', { name: `Go to line 1, column ${column} (/var/task/index.cjs:1:${column})` })).toBeVisible();

  await playground.setCode('exports.handler = async () => 1 +;');
  await playground.invoke();
  await expect(playground.response).toContainText(`"errorMessage": "SyntaxError: Unexpected token ';'"`);
  await playground.response.getByRole('button', { name: 'Go to line 1, column 34 (/var/task/index.cjs:1:34)' }).click();
  await expect(page.getByRole('status', { name: 'Cursor position' })).toHaveText('Ln 1, Col 34');
});

test('logs are grouped by invocation with what caused each, searchable, and errors stand out', async ({ playground, page }) => {
  await playground.setCode("let n = 0;\nexport const handler = async (event) => {\n  n += 1;\n  console.log('visit number', n);\n  if (event.fail) throw new Error('needle in the haystack');\n  return n;\n};");
  await playground.invoke();
  await playground.invoke();
  const logs = playground.logs;
  await expect(logs.getByRole('group', { name: /^Invoke button · cold · Succeeded, request / })).toHaveCount(1);
  await expect(logs.getByRole('group', { name: /^Invoke button · warm · Succeeded, request / })).toHaveCount(1);

  await playground.replaceText(playground.event, '{"fail": true}');
  await playground.invoke();
  const failed = logs.getByRole('group', { name: /^Invoke button · warm · Error \(Error\), request / });
  await expect(failed).toHaveCount(1);
  await expect(failed.getByText('Failed', { exact: true })).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search logs' });
  await search.fill('NEEDLE');
  await expect(logs.getByRole('status')).toHaveText('1 of 3 invocations');
  await expect(logs.getByRole('group')).toHaveCount(1);
  await expect(logs.locator('mark').first()).toHaveText('needle');
  await search.fill('visit number 2');
  await expect(logs.getByRole('status')).toHaveText('1 of 3 invocations');
  await search.fill('');
  await logs.getByRole('checkbox', { name: 'Errors only' }).check();
  await expect(logs.getByRole('status')).toHaveText('1 of 3 invocations');
  await expect(logs.getByRole('group')).toHaveCount(1);
  // The group folds to its header.
  await logs.getByRole('checkbox', { name: 'Errors only' }).uncheck();
  const first = logs.getByRole('group').first();
  await first.getByRole('button').click();
  await expect(first.getByRole('button')).toHaveAttribute('aria-expanded', 'false');
  await expect(first.getByText(/^START RequestId/)).toHaveCount(0);
});
