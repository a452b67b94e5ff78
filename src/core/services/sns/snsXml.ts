import type { ServiceResponse } from '../serviceTypes';

/** SNS's XML responses (query protocol), in SNS's namespace. */

export const SNS_XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<Name>value</Name>` for each pair, escaped. */
export function xmlFields(fields: Readonly<Record<string, string | boolean>>): string {
  return Object.entries(fields).map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`).join('');
}

const headers = (requestId: string): Record<string, string> => ({ 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata><RequestId>…` */
export function snsXmlResult(action: string, resultXml: string, requestId: string): ServiceResponse {
  const body =
    `<${action}Response xmlns="${SNS_XMLNS}"><${action}Result>${resultXml}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: headers(requestId), body };
}

export interface SnsServiceError {
  code: string;
  message: string;
  status: number;
}

/** `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…` */
export function snsXmlError(error: SnsServiceError, requestId: string): ServiceResponse {
  const body =
    `<ErrorResponse xmlns="${SNS_XMLNS}"><Error><Type>Sender</Type>${xmlFields({ Code: error.code, Message: error.message })}</Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: headers(requestId), body };
}
