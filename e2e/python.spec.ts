import { expect, test } from './playground';

/** A Python cold start boots Pyodide first: seconds on a busy machine, so the first answer gets a long wait. */
const BOOT = { timeout: 120_000 };
test.describe.configure({ timeout: 240_000 });

test('a Python handler (python3.13 on Pyodide): cold then warm with module state kept, logging and print as Lambda writes them', async ({ playground, page }) => {
  await playground.view('Configuration');
  await page.getByLabel('Runtime', { exact: true }).selectOption('python3.13');
  await expect(page.getByLabel('File', { exact: true })).toHaveValue('lambda_function.py');
  await expect(page.getByLabel('Handler', { exact: true })).toHaveValue('lambda_function.lambda_handler');
  await playground.view('Run');
  await playground.setCode(
    [
      'import logging',
      'import os',
      '',
      'logger = logging.getLogger()',
      'logger.setLevel(logging.INFO)',
      'count = 0',
      "print('init ran')",
      '',
      'def lambda_handler(event, context):',
      '    global count',
      '    count += 1',
      "    logger.info('hello %s', event['name'])",
      "    print('plain line')",
      "    with open('/tmp/seen', 'a') as f:",
      "        f.write('x')",
      "    return {'count': count, 'tmp': len(open('/tmp/seen').read()), 'fn': context.function_name, 'mem': context.memory_limit_in_mb, 'left': context.get_remaining_time_in_millis() > 0, 'exec': os.environ['AWS_EXECUTION_ENV']}",
    ].join('\n'),
  );
  page.on('console', (m) => console.log('console:', m.text()));
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText('"count": 1');
  await expect(playground.response).toContainText('"tmp": 1');
  await expect(playground.response).toContainText('"mem": "128"');
  await expect(playground.response).toContainText('"left": true');
  await expect(playground.response).toContainText('"exec": "AWS_Lambda_python3.13"');
  await expect(playground.logs.getByText(/^INIT_START Runtime Version: python:3\.13\.v\d+\tRuntime Version ARN: /)).toHaveCount(1);
  await expect(playground.logs.getByText(/^init ran$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^\[INFO\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t[0-9a-f-]{36}\thello Lambda$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^plain line$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: /)).toHaveCount(1);
  await playground.invoke();
  await expect(playground.response).toContainText('"count": 2');
  await expect(playground.response).toContainText('"tmp": 2');
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: /)).toHaveCount(1);
  await expect(playground.logs.getByText(/^init ran$/)).toHaveCount(1);
});
