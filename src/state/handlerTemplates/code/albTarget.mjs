// An Application Load Balancer target: ALB needs statusDescription and
// sends multi-value headers and query strings when that option is on.
export const handler = async (event) => {
  const query = event.multiValueQueryStringParameters ?? {};
  const tags = (query.tag ?? []).map(decodeURIComponent);
  const healthCheck = event.headers?.['user-agent']?.startsWith('ELB-HealthChecker');
  if (healthCheck) {
    return { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'Content-Type': 'text/plain' }, body: 'healthy' };
  }
  return {
    statusCode: 200,
    statusDescription: '200 OK',
    isBase64Encoded: false,
    multiValueHeaders: { 'Content-Type': ['application/json'], 'Set-Cookie': ['seen=1', 'theme=dark'] },
    body: JSON.stringify({ path: event.path, method: event.httpMethod, tags, target: event.requestContext.elb.targetGroupArn.split('/')[1] }),
  };
};
