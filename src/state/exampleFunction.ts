/** The function the playground opens with: it shows a cold start, then warm state surviving. */
export const EXAMPLE_CODE = `// Code at module scope runs once per execution environment: that is Init,
// the cold start. Its state survives while the environment stays warm.
let invocations = 0;
const environmentStartedAt = new Date().toISOString();

/** @type {import('aws-lambda').Handler} */
export const handler = async (event, context) => {
  invocations += 1;
  console.log('Received event:', event);

  return {
    message: \`Hello, \${event.name ?? 'world'}!\`,
    invocations,
    environmentStartedAt,
    requestId: context.awsRequestId,
    remainingTimeMs: context.getRemainingTimeInMillis(),
  };
};
`;

export const EXAMPLE_EVENT = `{
  "name": "Lambda"
}
`;
