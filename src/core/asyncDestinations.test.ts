import { describe, expect, it } from 'vitest';
import type { HandlerOutcome } from './platformTypes';
import { ScenarioDriver } from './scenario.test-support';

const FAIL: HandlerOutcome = { kind: 'error', error: { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom'] } };

describe('asynchronous invocation: on-success destination and dead-letter queue', () => {
  it('a success goes to the on-success destination with the function result, only when it is configured', () => {
    for (const on of [true, false]) {
      const d = new ScenarioDriver({ settings: { onSuccessDestination: on } });
      d.invokeAsync('{"order": 7}');
      d.initDone('env-1', 1);
      d.invokeDone('env-1', 1);
      const done = d.notices('asyncDone')[0];
      if (!on) {
        expect(done?.destination).toBeUndefined();
        continue;
      }
      expect(done?.destination).toMatchObject({
        version: '1.0',
        requestContext: { condition: 'Success', approximateInvokeCount: 1 },
        requestPayload: { order: 7 },
        responseContext: { statusCode: 200, executedVersion: '$LATEST' },
        responsePayload: 'ok',
      });
      expect(done?.destination?.responseContext).not.toHaveProperty('functionError');
    }
  });

  it('a discarded event goes to the dead-letter queue as its own payload, with why in the attributes, beside the on-failure record', () => {
    const d = new ScenarioDriver({ settings: { deadLetterQueue: true, maximumRetryAttempts: 0 } });
    d.invokeAsync('{"order": 8}');
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1, FAIL);
    const done = d.notices('asyncDone')[0];
    expect(done).toMatchObject({ result: 'on-failure', destination: { requestContext: { condition: 'RetriesExhausted' } } });
    expect(done?.deadLetter).toEqual({ body: '{"order": 8}', attributes: { RequestID: done?.requestId, ErrorCode: '200', ErrorMessage: 'Error: boom' } });
  });

  it('without a dead-letter queue nothing is sent there', () => {
    const d = new ScenarioDriver({ settings: { maximumRetryAttempts: 0 } });
    d.invokeAsync();
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1, FAIL);
    expect(d.notices('asyncDone')[0]?.deadLetter).toBeUndefined();
  });
});
