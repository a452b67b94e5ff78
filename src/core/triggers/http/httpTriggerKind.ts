import { s } from '../../schema/builders';
import { HTTP_FORMATS } from '../../sources/httpTypes';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';

/** A function URL, an API Gateway HTTP API (payload 2.0) or REST API (payload 1.0) in front of one function. */
export const httpTriggerKind = triggerKind({
  type: 'http',
  shape: {
    function: s.string(FUNCTION_NAME_MAX),
    format: s.enum(HTTP_FORMATS).default('function-url'),
  },
  functions: (t) => [t.function],
  sam(t, out) {
    if (t.format === 'function-url') out.functionUrl(t.function);
    else if (t.format === 'http-v2') {
      out.api('http');
      out.event(t.function, 'HttpApi', { Type: 'HttpApi', Properties: { PayloadFormatVersion: '2.0' } });
    } else {
      out.api('rest');
      out.event(t.function, 'RestApi', { Type: 'Api', Properties: { Path: '/{proxy+}', Method: 'ANY' } });
    }
  },
});
