import { describe, expect, it } from 'vitest';
import { environmentVariables, functionArn, logGroupName, logStreamName } from './environmentVariables';
import { RESERVED_ENVIRONMENT_KEYS } from './functionConfig';
import { makeConfig, ScenarioDriver } from './scenario.test-support';

const STREAM = /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/;

function firstSpec(options: ConstructorParameters<typeof ScenarioDriver>[0] = {}) {
  const d = new ScenarioDriver(options);
  d.invoke();
  const spec = d.commands('startEnvironment')[0]?.spec;
  if (!spec) throw new Error('no environment started');
  return { d, spec };
}

describe('names', () => {
  it('log group, ARN and log stream', () => {
    expect(logGroupName('my-function')).toBe('/aws/lambda/my-function');
    expect(functionArn('eu-west-1', '111122223333', 'fn')).toBe('arn:aws:lambda:eu-west-1:111122223333:function:fn');
    expect(logStreamName(Date.UTC(2025, 0, 5, 23, 59, 59, 999), 'f'.repeat(32))).toBe(`2025/01/05/[$LATEST]${'f'.repeat(32)}`);
    expect(logStreamName(Date.UTC(2025, 11, 31, 0, 0), '0'.repeat(32))).toBe(`2025/12/31/[$LATEST]${'0'.repeat(32)}`);
  });
});

describe('the environment a new execution environment gets', () => {
  it('on an OS-only runtime (provided.al2023): the Runtime API address and the handler setting, no AWS_EXECUTION_ENV or NODE_PATH', () => {
    const { spec } = firstSpec({ config: { runtime: 'provided.al2023', fileName: 'bootstrap', handler: 'function.handler' } });
    expect(spec.variables).toMatchObject({ AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001', _HANDLER: 'function.handler', LAMBDA_TASK_ROOT: '/var/task' });
    expect(spec.variables).not.toHaveProperty('AWS_EXECUTION_ENV');
    expect(spec.variables).not.toHaveProperty('NODE_PATH');
  });

  it('names the function, its memory, version, handler, region and streams', () => {
    const { spec } = firstSpec({ config: { name: 'orders-api', memoryMb: 512, handler: 'app.main', runtime: 'nodejs20.x' } });
    expect(spec.variables).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'orders-api',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders-api',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      _HANDLER: 'app.main',
      LAMBDA_TASK_ROOT: '/var/task',
      LANG: 'en_US.UTF-8',
    });
    expect(spec.variables.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(STREAM);
  });

  it('the log stream is dated by when the environment started, in UTC, and matches the spec and the view', () => {
    const { d, spec } = firstSpec({ startMs: Date.UTC(2026, 1, 28, 23, 59, 59) });
    expect(spec.logStreamName).toMatch(/^2026\/02\/28\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(spec.variables.AWS_LAMBDA_LOG_STREAM_NAME).toBe(spec.logStreamName);
    expect(d.platform.environmentViews()[0]?.logStreamName).toBe(spec.logStreamName);
  });

  it('each environment gets its own stream', () => {
    const d = new ScenarioDriver();
    d.invoke();
    d.invoke();
    const [a, b] = d.commands('startEnvironment').map((c) => c.spec.variables.AWS_LAMBDA_LOG_STREAM_NAME);
    expect(a).toMatch(STREAM);
    expect(b).toMatch(STREAM);
    expect(a).not.toBe(b);
  });

  it('carries the identity beside the variables', () => {
    const { spec } = firstSpec({ config: { name: 'fn' } });
    expect(spec).toMatchObject({
      envId: 'env-1',
      initializationType: 'on-demand',
      logGroupName: '/aws/lambda/fn',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    });
    expect(spec.config.name).toBe('fn');
  });

  it("includes the function's own variables", () => {
    const { spec } = firstSpec({ config: { environment: { STAGE: 'prod', TABLE_NAME: 'orders', EMPTY_VALUE: '' } } });
    expect(spec.variables).toMatchObject({ STAGE: 'prod', TABLE_NAME: 'orders', EMPTY_VALUE: '' });
  });

  it('reserved variables win over user ones (validation refuses them, but the model does not rely on it)', () => {
    const variables = environmentVariables(makeConfig({ name: 'fn', environment: { AWS_REGION: 'mars-1', AWS_LAMBDA_FUNCTION_NAME: 'evil' } }), {
      region: 'eu-west-1',
      logStreamName: 's',
      initializationType: 'on-demand',
    });
    expect(variables.AWS_REGION).toBe('eu-west-1');
    expect(variables.AWS_LAMBDA_FUNCTION_NAME).toBe('fn');
  });

  it('sets no credentials: the playground has none to give', () => {
    const { spec } = firstSpec();
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) expect(spec.variables).not.toHaveProperty(key);
  });

  it('every variable the platform sets by itself, apart from the unreserved ones, is reserved', () => {
    const { spec } = firstSpec();
    const unreserved = ['LANG', 'TZ', 'PATH', 'NODE_PATH'];
    for (const key of Object.keys(spec.variables)) {
      if (!unreserved.includes(key)) expect(RESERVED_ENVIRONMENT_KEYS).toContain(key);
    }
  });

  it('every value is a string', () => {
    const { spec } = firstSpec();
    for (const value of Object.values(spec.variables)) expect(typeof value).toBe('string');
  });
});
