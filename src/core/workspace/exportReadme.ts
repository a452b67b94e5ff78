import type { SamTemplate } from './samTemplate';
import type { Workspace } from './workspaceTypes';

/** The layer versions, each a folder its AWS::Serverless::LayerVersion's ContentUri names; none when the workspace has no layers. */
function layerLines(template: SamTemplate): string {
  if (template.layers.length === 0) return '';
  const list = template.layers.map((l) => `  - \`${l.folder}\`: layer \`${l.name}\` version ${l.version.version}, resource \`${l.logicalId}\``).join('\n');
  return `\n- \`layers/\`: each layer version's files, as Lambda extracts them into /opt:\n${list}`;
}

/** The README of an exported project: what is in it and how to deploy it. */
export function exportReadme(workspace: Workspace, template: SamTemplate): string {
  const functions = template.layout
    .map((l) => `- \`${l.fn.name}\`: \`${l.folder}${l.fileName}\` (${l.fn.runtime}, ${l.fn.architecture}, ${l.fn.memoryMb} MB, ${l.fn.timeoutS} s), resource \`${l.logicalId}\`, test event \`events/${l.eventsPrefix}.json\``)
    .join('\n');
  const first = template.layout[0];
  const notes = template.notes.length > 0 ? `\n## What the playground models that this project does not carry\n\n${template.notes.map((n) => `- ${n}`).join('\n')}\n` : '';
  return `# ${workspace.name}

Exported from the Serverless Playground: an AWS SAM project.

${functions}

- \`template.yaml\`: the functions (memory, timeout, architecture, environment
  variables, reserved and provisioned concurrency), their triggers as SAM
  events, and the buckets, queues, topics, tables and streams they need; the
  workspace's own tables, buckets, queues and topics; and policy templates
  for the AWS SDK calls each function's code makes (names are
  CloudFormation's: read them from environment variables).
- \`events/\`: the saved test events.${layerLines(template)}
- \`playground.json\`: the whole workspace; the playground's **Import** button
  reads this zip back.

What is not exported: the contents of sources (objects, messages, items,
records), the run history, and playground-only settings (the platform-wait
scale, the scaling-rate and keep-alive settings, the load plan).

## Deploy

You need an AWS account, credentials the AWS CLI can use, and the
[AWS SAM CLI](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html).

\`\`\`sh
sam validate --lint       # check the template
sam deploy --guided       # asks for a stack name and Region, then deploys
\`\`\`

\`sam deploy --guided\` packages each function's folder as it is (the handlers
have no dependencies), uploads it to a bucket SAM manages, and creates the
stack. Answer **y** when it asks whether a function without authentication
may be deployed (function URLs and API routes here are public), and save the
answers to \`samconfig.toml\` so that later deploys are just \`sam deploy\`.
The stack's outputs list the function ARNs and endpoint URLs.

Try a function with a saved event:

\`\`\`sh
sam remote invoke ${first?.logicalId ?? 'MyFunction'} --event-file events/${first?.eventsPrefix ?? 'my-function'}.json
\`\`\`

or locally, with Docker: \`sam local invoke ${first?.logicalId ?? 'MyFunction'} --event events/${first?.eventsPrefix ?? 'my-function'}.json\`.

Delete everything again with \`sam delete\`. Deployed resources cost money
while they exist (provisioned concurrency bills by the hour).
${notes}`;
}
