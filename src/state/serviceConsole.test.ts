import { describe, expect, it } from 'vitest';
import { AwsServiceHub, type AwsServicePorts } from '../bridge/services/awsServiceHub';
import { createRandom } from '../core/random';
import type { ConsoleServices } from './serviceConsole';
import { attributeToJson, deleteItem, jsonToAttribute, putItem, scanTable } from './serviceConsoleDynamoDb';
import { deleteObject, getObjectText, listObjects, putObjectText } from './serviceConsoleS3';
import { queueStats, sendMessage } from './serviceConsoleSqs';

const T0 = Date.UTC(2026, 0, 1);

/** A real hub with the workspace's standalone resources: a table, a bucket, a queue. */
function hub(): ConsoleServices {
  const h = new AwsServiceHub({ now: () => T0, random: createRandom(3), region: 'us-east-1', accountId: '123456789012', delay: () => Promise.resolve(), latency: false });
  const ports: AwsServicePorts = {
    sources: () => [],
    act: () => undefined,
    invoke: (() => Promise.reject(new Error('no functions'))) as AwsServicePorts['invoke'],
    qualifiers: () => undefined,
    standaloneQueues: () => [{ name: 'jobs' }],
    standaloneTables: () => [{ name: 'orders', partitionKey: { name: 'id', type: 'S' }, sortKey: { name: 'n', type: 'N' } }],
    deadLetterQueueOf: () => undefined,
    standaloneBuckets: () => ['photos'],
    standaloneTopics: () => [],
    billed: () => undefined,
    traced: () => undefined,
  };
  h.wire(ports);
  return h;
}

describe('the service console', () => {
  it('converts JSON to AttributeValues and back', () => {
    const json = { s: 'a', n: 1.5, b: true, z: null, l: [1, 'x'], m: { k: false } };
    const av = jsonToAttribute(json);
    expect(av).toEqual({ M: { s: { S: 'a' }, n: { N: '1.5' }, b: { BOOL: true }, z: { NULL: true }, l: { L: [{ N: '1' }, { S: 'x' }] }, m: { M: { k: { BOOL: false } } } } });
    expect(attributeToJson(av)).toEqual(json);
    expect(attributeToJson({ N: '12345678901234567890123' })).toBe('12345678901234567890123');
    expect(attributeToJson({ SS: ['a', 'b'] })).toEqual(['a', 'b']);
  });

  it('DynamoDB: puts, scans with type descriptors, deletes by key; DynamoDB’s errors in its words', async () => {
    const services = hub();
    expect(await putItem('orders', '{"id":"a","n":1,"tags":["x"],"ok":true}', services)).toEqual({ ok: true });
    const scanned = await scanTable('orders', 50, services);
    expect(scanned).toEqual({
      items: [{ json: { id: 'a', n: 1, tags: ['x'], ok: true }, types: { id: 'S', n: 'N', tags: 'L', ok: 'BOOL' }, raw: { id: { S: 'a' }, n: { N: '1' }, tags: { L: [{ S: 'x' }] }, ok: { BOOL: true } } }],
      more: false,
    });
    expect(await putItem('orders', '{"id":"b"}', services)).toEqual({ error: expect.stringMatching(/^ValidationException: .*key/i) as unknown });
    expect(await putItem('orders', '[1]', services)).toEqual({ error: 'The item must be a JSON object, its attributes by name.' });
    expect(await putItem('orders', '{', services)).toEqual({ error: expect.stringMatching(/^The item is not JSON/) as unknown });
    expect(await scanTable('missing', 50, services)).toEqual({ error: expect.stringMatching(/^ResourceNotFoundException: /) as unknown });
    expect(await deleteItem('orders', { id: { S: 'a' }, n: { N: '1' } }, services)).toEqual({ ok: true });
    expect(await scanTable('orders', 50, services)).toEqual({ items: [], more: false });
  });

  it('S3: puts text, lists it, views the first 4 KB, deletes; NoSuchKey and NoSuchBucket by name', async () => {
    const services = hub();
    expect(await putObjectText('photos', 'notes/a b.txt', 'hello', 'text/plain', services)).toEqual({ eTag: expect.any(String) as unknown });
    const listed = await listObjects('photos', services);
    expect(listed).toEqual({ objects: [{ key: 'notes/a b.txt', size: 5, lastModified: new Date(T0).toISOString() }], more: false });
    expect(await getObjectText('photos', 'notes/a b.txt', services)).toEqual({ text: 'hello', contentType: 'text/plain', truncated: false });
    await putObjectText('photos', 'big', 'x'.repeat(5000), 'text/plain', services);
    const big = await getObjectText('photos', 'big', services);
    expect(big).toMatchObject({ truncated: true });
    expect('text' in big && big.text.length).toBe(4096);
    await putObjectText('photos', 'empty', '', 'text/plain', services);
    expect(await getObjectText('photos', 'empty', services)).toMatchObject({ text: '' });
    expect(await getObjectText('photos', 'nope', services)).toEqual({ error: 'NoSuchKey: The specified key does not exist.' });
    expect(await listObjects('nobucket', services)).toEqual({ error: expect.stringMatching(/^NoSuchBucket: /) as unknown });
    expect(await deleteObject('photos', 'notes/a b.txt', services)).toEqual({ ok: true });
    expect(await listObjects('photos', services)).toMatchObject({ objects: [{ key: 'big' }, { key: 'empty' }] });
  });

  it('SQS: sends a message and counts it without receiving it; a queue the workspace lacks is QueueDoesNotExist', async () => {
    const services = hub();
    expect(await queueStats('jobs', services)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(await sendMessage('jobs', 'hello', services)).toEqual({ messageId: expect.any(String) as unknown });
    expect(await queueStats('jobs', services)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(await queueStats('jobs', services)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    expect(await sendMessage('nope', 'x', services)).toEqual({ error: 'QueueDoesNotExist: The specified queue does not exist.' });
    expect(await queueStats('nope', services)).toEqual({ error: 'QueueDoesNotExist: The specified queue does not exist.' });
  });
});
