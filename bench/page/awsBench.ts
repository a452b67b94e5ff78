/**
 * The AWS SDK in a handler against the workspace's services: a warm
 * handler's DynamoDB GetItem round trip (the real client, its signing and
 * parsing, the environment's port, the hub and the DynamoDB model), timed
 * inside the handler with the modelled service latency off; and the cold
 * start of a handler that imports the DynamoDB client beside a bare one
 * (the SDK's evaluation is in Init Duration, as on Lambda).
 */
import { LiveDriver, type InvokeResult } from '../../src/bridge/liveDriver';
import { AwsServiceHub } from '../../src/bridge/services/awsServiceHub';
import { MB_PER_VCPU } from '../../src/core/cpuShare';
import { DEFAULT_CONFIG, type FunctionConfig } from '../../src/core/functionConfig';
import type { InvocationRecord } from '../../src/core/invocationRecord';
import { createRandom } from '../../src/core/random';
import type { ById } from './benchIds';
import { summarize, type Summary } from './stats';

const GET_ITEM_CODE = `import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
const db = new DynamoDBClient({});
export const handler = async (event) => {
  await db.send(new PutItemCommand({ TableName: 'bench', Item: { id: { S: 'k' }, v: { S: 'value' } } }));
  const times = [];
  for (let i = 0; i < event.n; i++) {
    const t0 = performance.now();
    const r = await db.send(new GetItemCommand({ TableName: 'bench', Key: { id: { S: 'k' } } }));
    times.push(performance.now() - t0);
    if (r.Item.v.S !== 'value') throw new Error('wrong item');
  }
  return times;
};`;
const SDK_IMPORT_CODE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const db = new DynamoDBClient({});
export const handler = async () => typeof db.send;`;
const BARE_CODE = `export const handler = async () => 'function';`;

const base: FunctionConfig = { ...DEFAULT_CONFIG, name: 'bench-aws', memoryMb: MB_PER_VCPU, timeoutS: 60, code: BARE_CODE };

function ok(r: InvokeResult, what: string): InvocationRecord & { payload: string } {
  if (r.kind === 'rejected') throw new Error(`${what}: rejected ${r.error.errorType}`);
  if (!r.response.ok) throw new Error(`${what}: ${r.response.error.errorType}: ${r.response.error.errorMessage}`);
  return { ...r.record, payload: r.response.payload };
}

function hub(): AwsServiceHub {
  const h = new AwsServiceHub({ now: () => Date.now(), random: createRandom(11), region: 'us-east-1', accountId: '123456789012', delay: () => Promise.resolve(), latency: false });
  h.wire({
    sources: () => [],
    act: () => undefined,
    invoke: (() => Promise.reject(new Error('no functions in the bench'))) as never,
    qualifiers: () => undefined,
    standaloneQueues: () => [],
    standaloneTables: () => [{ name: 'bench', partitionKey: { name: 'id', type: 'S' } }],
    deadLetterQueueOf: () => undefined,
    standaloneBuckets: () => [],
    standaloneTopics: () => [],
    billed: () => undefined,
    traced: () => undefined,
  });
  return h;
}

export async function awsCosts(coldN: number, getN: number, log: (m: string) => void, problems: string[]): Promise<ById<Summary>> {
  const services = hub();
  const get = new LiveDriver({ ...base, code: GET_ITEM_CODE }, { seed: 23, aws: services.handle });
  const sdk = new LiveDriver({ ...base, name: 'bench-sdk-import', code: SDK_IMPORT_CODE }, { seed: 29, aws: services.handle });
  const bare = new LiveDriver({ ...base, name: 'bench-bare', code: BARE_CODE }, { seed: 31, aws: services.handle });
  let getItem: number[] = [];
  const sdkCold: number[] = [];
  const sdkInit: number[] = [];
  const bareCold: number[] = [];
  const bareInit: number[] = [];
  try {
    ok(await get.invoke(JSON.stringify({ n: 20 })), 'GetItem warm-up');
    getItem = JSON.parse(ok(await get.invoke(JSON.stringify({ n: getN })), 'GetItem').payload) as number[];
    log(`  aws: ${getN} GetItem round trips in a warm handler`);
    ok(await sdk.invoke('{}'), 'SDK import warm-up');
    ok(await bare.invoke('{}'), 'bare warm-up');
    for (let i = 0; i < coldN; i++) {
      for (const [driver, code, cold, init] of [
        [sdk, SDK_IMPORT_CODE, sdkCold, sdkInit],
        [bare, BARE_CODE, bareCold, bareInit],
      ] as const) {
        driver.configure({ ...base, name: driver === sdk ? 'bench-sdk-import' : 'bench-bare', code });
        const t0 = performance.now();
        const r = ok(await driver.invoke('{}'), 'cold start');
        cold.push(performance.now() - t0);
        if (r.initDurationMs !== undefined) init.push(r.initDurationMs);
      }
    }
    log(`  aws: ${coldN} cold starts importing the DynamoDB client beside ${coldN} bare ones`);
  } catch (err) {
    problems.push(`aws: ${String(err)}`);
  } finally {
    get.dispose();
    sdk.dispose();
    bare.dispose();
  }
  return {
    awsGetItem: summarize(getItem),
    awsSdkCold: summarize(sdkCold),
    awsSdkInit: summarize(sdkInit),
    awsBareCold: summarize(bareCold),
    awsBareInit: summarize(bareInit),
  };
}
