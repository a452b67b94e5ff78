import { describe, expect, it } from 'vitest';
import { readWorkspace } from './readWorkspace';
import { resourceNamesIn } from './resourceNames';
import { EVERY_TRIGGER, MINIMAL, WITH_RESOURCES } from './sampleWorkspaces.test-support';

describe('resourceNamesIn', () => {
  it('lists the standalone resources first, then the triggers’ sources, each name once', () => {
    expect(resourceNamesIn(WITH_RESOURCES)).toEqual({
      tables: [
        { name: 'orders', origin: 'standalone' },
        { name: 'Sessions.v2', origin: 'standalone' },
      ],
      buckets: [
        { name: 'photos.example-1', origin: 'standalone' },
        // Also the S3 trigger's bucket: the trigger's source is that resource.
        { name: 'uploads', origin: 'standalone' },
      ],
      queues: [
        { name: 'jobs-dlq', origin: 'standalone' },
        { name: 'jobs', origin: 'standalone' },
        { name: 'steps.fifo', origin: 'standalone' },
      ],
      topics: [
        { name: 'alerts.fifo', origin: 'standalone' },
        { name: 'news', origin: 'standalone' },
      ],
      eventBuses: [],
    });
  });

  it('names the resources triggers define: bucket, queue, table, topic and bus', () => {
    expect(resourceNamesIn(EVERY_TRIGGER)).toEqual({
      tables: [{ name: 'orders-table', origin: 'trigger' }],
      buckets: [{ name: 'photos-bucket', origin: 'trigger' }],
      queues: [{ name: 'orders', origin: 'trigger' }],
      topics: [{ name: 'alerts', origin: 'trigger' }],
      eventBuses: [{ name: 'playground-bus', origin: 'trigger' }],
    });
  });

  it('is empty for a workspace saved before resources existed', () => {
    const old = readWorkspace({ functions: [{ name: 'f' }] });
    expect(old.resources).toEqual({ tables: [], buckets: [], queues: [], topics: [] });
    expect(resourceNamesIn(old)).toEqual(resourceNamesIn(MINIMAL));
    expect(Object.values(resourceNamesIn(old)).flat()).toEqual([]);
  });
});
