/**
 * The AWS SDK for JavaScript v3 in the playground's Node.js runtimes: the
 * packages a handler can import, and the script ("group") each one is
 * bundled in by build/awsSdkAssets.ts. Lambda's Node.js runtimes ship the
 * whole SDK; the playground ships the clients of the services it runs in the
 * tab. A group's script is fetched by the app and sent to an environment only
 * when its handler imports one of the group's packages, and evaluated on the
 * first `require`, so its load is part of Init Duration as on Lambda.
 */
export const AWS_SDK_PACKAGES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/lib-dynamodb': 'dynamodb',
  '@aws-sdk/util-dynamodb': 'dynamodb',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-sns': 'sns',
  '@aws-sdk/client-eventbridge': 'eventbridge',
  '@aws-sdk/client-lambda': 'lambda',
};

/** Every group, in a stable order. */
export const AWS_SDK_GROUPS: readonly string[] = [...new Set(Object.values(AWS_SDK_PACKAGES))].sort();

/** Where a group's script puts its packages' exports inside the environment (by package name). */
export const AWS_SDK_GLOBAL = '__playgroundAwsSdk';

/**
 * Where the runtime puts what the SDK's patched configuration defaults to
 * (build/awsSdkAssets.ts): the request handler that carries the SDK's HTTP
 * requests to the app's services through the environment's port.
 */
export const AWS_SDK_TRANSPORT = '__playgroundAwsTransport';

/**
 * What the SDK signs its requests with when the environment has no
 * credentials (it has none: the platform leaves AWS_ACCESS_KEY_ID and its
 * family unset rather than put a key in process.env). Clearly fake, and
 * never sent anywhere: the workspace's services in the tab do not check
 * signatures. An exported project gets real ones from Lambda's execution role.
 */
export const PLAYGROUND_CREDENTIALS = {
  accessKeyId: 'ASIAPLAYGROUNDNOTREAL',
  secretAccessKey: 'playground/fake/secret/never-leaves-the-tab',
  sessionToken: 'playground-fake-session-token',
} as const;

/** The served path of a group's script, under the app's base. */
export const awsSdkScriptPath = (group: string): string => `aws-sdk/${group}.js`;

/** The groups a compiled handler needs: those of every `@aws-sdk/…` package it requires with a plain string. */
export function awsSdkGroupsUsed(requiredIds: Iterable<string>): string[] {
  const groups = new Set<string>();
  for (const id of requiredIds) {
    const group = AWS_SDK_PACKAGES[id];
    if (group) groups.add(group);
  }
  return [...groups].sort();
}
