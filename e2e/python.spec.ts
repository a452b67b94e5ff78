import { expect, test, type Playground } from './playground';

/** A Python cold start boots Pyodide first: seconds on a busy machine, so the first answer gets a long wait. */
const BOOT = { timeout: 120_000 };
test.describe.configure({ timeout: 240_000 });

/** Choose a Python runtime in the Configuration view and put `lines` in lambda_function.py. */
async function pythonFunction(playground: Playground, lines: string[]): Promise<void> {
  await playground.view('Configuration');
  await playground.page.getByLabel('Runtime', { exact: true }).selectOption('python3.12');
  await playground.setCode(lines.join('\n'));
}

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

test('Python errors as Lambda reports them: an exception, an unmarshallable result and a missing handler', async ({ playground, page }) => {
  await pythonFunction(playground, [
    'def lambda_handler(event, context):',
    "    if event.get('kind') == 'marshal':",
    '        return {1, 2}',
    "    raise ValueError('bad order ' + str(event.get('id')))",
  ]);
  await playground.replaceText(playground.event, '{"id": 7}');
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText('"errorMessage": "bad order 7"');
  await expect(playground.response).toContainText('"errorType": "ValueError"');
  await expect(playground.response).toContainText(/"requestId": "[0-9a-f-]{36}"/);
  await expect(playground.response).toContainText('"stackTrace": [');
  await expect(playground.response).toContainText(String.raw`"  File \"/var/task/lambda_function.py\", line 4, in lambda_handler\n    raise ValueError('bad order ' + str(event.get('id')))\n"`);
  await expect(
    playground.logs.getByText(/^\[ERROR\] ValueError: bad order 7\nTraceback \(most recent call last\):\n {2}File "\/var\/task\/lambda_function\.py", line 4, in lambda_handler\n {4}raise ValueError/),
  ).toHaveCount(1);
  // The editor marks the line that raised, from the traceback's last frame.
  await expect(page.getByText('Failed at line 4', { exact: true })).toBeVisible();
  await playground.replaceText(playground.event, '{"kind": "marshal"}');
  await playground.invoke();
  await expect(playground.response).toContainText('"errorMessage": "Unable to marshal response: Object of type set is not JSON serializable"');
  await expect(playground.response).toContainText('"errorType": "Runtime.MarshalError"');
  await playground.view('Configuration');
  await page.getByLabel('Handler', { exact: true }).fill('lambda_function.main');
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText(`"errorMessage": "Handler 'main' missing on module 'lambda_function'"`);
  await expect(playground.response).toContainText('"errorType": "Runtime.HandlerNotFound"');
});

test('a Python import of a module that does not exist, and a syntax error, fail Init in Lambda\u2019s words', async ({ playground }) => {
  await pythonFunction(playground, ['import json', 'import nothere', '', 'def lambda_handler(event, context):', '    return 1']);
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText(`"errorMessage": "Unable to import module 'lambda_function': No module named 'nothere'"`);
  await expect(playground.response).toContainText('"errorType": "Runtime.ImportModuleError"');
  await expect(playground.response).toContainText('"requestId": ""');
  await expect(playground.logs.getByText(/^\[ERROR\] Runtime\.ImportModuleError: Unable to import module 'lambda_function': No module named 'nothere'\nTraceback \(most recent call last\):$/).first()).toBeVisible();
  await expect(playground.logs.getByText(/^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: error\tError Type: Runtime\.ImportModuleError$/)).toHaveCount(1);
  await playground.setCode(['def lambda_handler(event, context)', '    return 1'].join('\n'));
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText('"errorType": "Runtime.UserCodeSyntaxError"');
  await expect(playground.response).toContainText(`"errorMessage": "Syntax error in module 'lambda_function': expected ':' (lambda_function.py, line 1)"`);
});

test('a Python handler that never returns times out at its deadline; the next invoke re-runs Init inside the reset environment', async ({ playground }) => {
  await pythonFunction(playground, ['import time', '', 'def lambda_handler(event, context):', "    if event.get('spin'):", '        while True:', '            pass', "    return {'left': context.get_remaining_time_in_millis()}"]);
  await playground.view('Configuration');
  await playground.timeout.fill('2');
  await playground.replaceText(playground.event, '{"spin": true}');
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText('Sandbox.Timedout');
  await expect(playground.response).toContainText('Task timed out after 2.00 seconds');
  await playground.replaceText(playground.event, '{}');
  await playground.invoke(BOOT);
  await expect(playground.response).toContainText('"left": ');
  // As on Lambda, the timed-out environment was reset: its next invoke re-ran Init inside the invocation (no Init Duration).
  await expect(playground.logs.getByText(/^REPORT RequestId: /)).toHaveCount(2);
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: /)).toHaveCount(1);
});
