import AxeBuilder from '@axe-core/playwright';
import { expect, savedWorkspace, test, type Playground } from './playground';

const GREET = "module.exports = (name) => `Hello, ${name}, from a layer!`;\n";
const ARN = 'arn:aws:lambda:us-east-1:123456789012:layer:greet:1';

/** Publish a layer version from files typed in the page; returns the Layers region (Configuration view shown). */
async function publishLayer(playground: Playground, name: string, path: string, content: string, version: number, runtimes: string[] = []) {
  await playground.view('Configuration');
  const layers = playground.page.getByRole('region', { name: 'Layers' });
  await layers.getByLabel('Layer name').fill(name);
  await layers.getByLabel('Path 1 in the layer').fill(path);
  await layers.getByLabel('Text of path 1').fill(content);
  if (runtimes.length > 0) await layers.getByLabel('Compatible with (optional)').selectOption(runtimes);
  await layers.getByRole('button', { name: 'Publish layer version' }).click();
  await expect(layers.getByRole('status')).toHaveText(`Published arn:aws:lambda:us-east-1:123456789012:layer:${name}:${version}.`);
  return layers;
}

test('a layer provides a module: greet from /opt/nodejs/node_modules is required by the handler and answers in the response', async ({ playground, page }) => {
  const layers = await publishLayer(playground, 'greet', 'nodejs/node_modules/greet/index.js', GREET, 1, ['nodejs22.x', 'nodejs20.x']);
  await expect(layers.getByRole('table', { name: 'Layer versions' }).getByRole('row').nth(1)).toHaveText(/greet\s*1\s*nodejs20\.x, nodejs22\.x\s*nodejs\/node_modules\/greet\/index\.js/);
  await layers.getByLabel('Layer version to add').selectOption(ARN);
  await layers.getByRole('button', { name: 'Add layer' }).click();
  await expect(layers.getByRole('list', { name: 'Layers of my-function' })).toContainText(ARN);

  await playground.setCode(
    [
      "import greet from 'greet';",
      "import { readFileSync } from 'node:fs';",
      'export const handler = async (event) => ({',
      '  greeting: greet(event.name),',
      "  nodePath: process.env.NODE_PATH,",
      "  onDisk: readFileSync('/opt/nodejs/node_modules/greet/index.js', 'utf8').length,",
      '});',
    ].join('\n'),
  );
  await playground.replaceText(playground.event, '{"name": "Ada"}');
  await playground.invoke();
  await expect(playground.response).toContainText('"greeting": "Hello, Ada, from a layer!"');
  await expect(playground.response).toContainText('"nodePath": "/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task"');
  await expect(playground.response).toContainText(`"onDisk": ${GREET.length}`);
  // Loading the layer's module is part of Init: a cold start with its Init Duration.
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: [\d.]+ ms/)).toHaveCount(1);

  // Layers are saved with the workspace: after a reload the function still has its layer.
  await expect.poll(() => savedWorkspace(page), { timeout: 10_000 }).toContain('nodejs/node_modules/greet/index.js');
  await page.reload();
  await playground.view('Configuration');
  await expect(layers.getByRole('list', { name: 'Layers of my-function' })).toContainText(ARN);

  // Without the layer the package is gone, with Node's own wording for an ES module.
  await layers.getByRole('button', { name: `Remove ${ARN}` }).click();
  await playground.invoke();
  await expect(playground.response).toContainText("Cannot find package 'greet' imported from /var/task/index.mjs");

  // A layer whose module does not parse fails Init as the handler's own file would.
  await publishLayer(playground, 'broken', 'nodejs/node_modules/greet/index.js', 'module.exports = ;', 1);
  await layers.getByLabel('Layer version to add').selectOption('arn:aws:lambda:us-east-1:123456789012:layer:broken:1');
  await layers.getByRole('button', { name: 'Add layer' }).click();
  await playground.invoke();
  await expect(playground.response).toContainText('Runtime.UserCodeSyntaxError');
  await expect(playground.response).toContainText("SyntaxError: Unexpected token ';' (/opt/nodejs/node_modules/greet/index.js)");
});

test('a sixth layer and two versions of one layer are refused in Lambda’s words, and not applied', async ({ playground, page }) => {
  for (const [i, name] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) {
    await publishLayer(playground, name, `nodejs/node_modules/${name}/index.js`, `module.exports = ${i};`, 1);
  }
  const layers = page.getByRole('region', { name: 'Layers' });
  const add = async (arn: string): Promise<void> => {
    await layers.getByLabel('Layer version to add').selectOption(arn);
    await layers.getByRole('button', { name: 'Add layer' }).click();
  };
  const arn = (name: string, version = 1): string => `arn:aws:lambda:us-east-1:123456789012:layer:${name}:${version}`;
  for (const name of ['a', 'b', 'c', 'd', 'e']) {
    await add(arn(name));
    await expect(layers.getByRole('status')).toContainText(`Added ${arn(name)}`);
  }
  await add(arn('f'));
  await expect(layers.getByRole('alert')).toHaveText('InvalidParameterValueException: Cannot reference more than 5 layers.');
  const listed = layers.getByRole('list', { name: 'Layers of my-function' }).getByRole('listitem');
  await expect(listed).toHaveCount(5);

  await layers.getByRole('button', { name: `Remove ${arn('e')}` }).click();
  await expect(listed).toHaveCount(4);
  await publishLayer(playground, 'a', 'nodejs/node_modules/a/index.js', 'module.exports = 10;', 2);
  await add(arn('a', 2));
  await expect(layers.getByRole('alert')).toHaveText(
    `InvalidParameterValueException: Two different versions of the same layer are not allowed to be referenced in the same function. ${arn('a')} and ${arn('a', 2)} are versions of the same layer.`,
  );
  await expect(listed).toHaveCount(4);

  // Reordering: the later layer is extracted last.
  await layers.getByRole('button', { name: `Move ${arn('d')} up` }).click();
  await expect(listed.nth(2)).toContainText(arn('d'));

  // The panel, with layer versions and the function's list, has no serious or critical axe violation.
  const results = await new AxeBuilder({ page }).include('.layers-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

/** A zip whose one entry declares `size` bytes unzipped (stored, no data): what the size check reads, before anything is inflated. */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('nodejs/node_modules/big/data.bin');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}

test('an uploaded layer .zip of 250 MB unzipped is refused with Lambda’s error', async ({ playground, page }) => {
  await playground.view('Configuration');
  const layers = page.getByRole('region', { name: 'Layers' });
  await layers.getByLabel('Upload layer .zip').setInputFiles({ name: 'big-layer.zip', mimeType: 'application/zip', buffer: zipDeclaring(262_144_000) });
  await expect(layers.getByRole('alert')).toHaveText('InvalidParameterValueException: Unzipped size must be smaller than 262144000 bytes');
  await expect(layers.getByRole('table', { name: 'Layer versions' })).toHaveCount(0);
});

test('one layer version provides a module to both runtimes: Node.js requires greet, Python imports greet from /opt/python', async ({ playground, page }) => {
  test.setTimeout(240_000); // a Python cold start boots Pyodide first
  await playground.view('Configuration');
  const layers = page.getByRole('region', { name: 'Layers' });
  await layers.getByLabel('Layer name').fill('shared');
  await layers.getByLabel('Path 1 in the layer').fill('nodejs/node_modules/greet/index.js');
  await layers.getByLabel('Text of path 1').fill(GREET);
  await layers.getByRole('button', { name: 'Add a path' }).click();
  await layers.getByLabel('Path 2 in the layer').fill('python/greet.py');
  await layers.getByLabel('Text of path 2').fill("def hello(name):\n    return f'Hello, {name}, from a Python layer!'\n");
  await layers.getByRole('button', { name: 'Publish layer version' }).click();
  const arn = 'arn:aws:lambda:us-east-1:123456789012:layer:shared:1';
  await expect(layers.getByRole('status')).toHaveText(`Published ${arn}.`);
  await layers.getByLabel('Layer version to add').selectOption(arn);
  await layers.getByRole('button', { name: 'Add layer' }).click();
  await expect(layers.getByRole('list', { name: 'Layers of my-function' })).toContainText(arn);
  await playground.setCode("import greet from 'greet';\nexport const handler = async () => greet('Node');\n");
  await playground.invoke();
  await expect(playground.response).toContainText('Hello, Node, from a layer!');

  await playground.view('Configuration');
  await page.getByLabel('Runtime', { exact: true }).selectOption('python3.13');
  await expect(layers.getByRole('list', { name: 'Layers of my-function' })).toContainText(arn);
  await playground.setCode(['import greet', '', 'def lambda_handler(event, context):', "    return greet.hello('Python')"].join('\n'));
  await playground.invoke({ timeout: 120_000 });
  await expect(playground.response).toContainText('Hello, Python, from a Python layer!');
});
