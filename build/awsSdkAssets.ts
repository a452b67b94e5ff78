import { readFile } from 'node:fs/promises';
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin } from 'vite';
import { AWS_SDK_GLOBAL, AWS_SDK_GROUPS, AWS_SDK_PACKAGES, AWS_SDK_TRANSPORT, awsSdkScriptPath, PLAYGROUND_CREDENTIALS } from '../src/protocol/awsSdk.ts';

/**
 * The AWS SDK for JavaScript v3 for execution environments: one classic
 * script per group of src/protocol/awsSdk.ts (the DynamoDB client with
 * lib-dynamodb and util-dynamodb, S3, SQS, SNS, EventBridge, Lambda),
 * bundled from the npm packages with the SDK's browser build, served from
 * the app's own origin under `aws-sdk/` and fetched only when a handler
 * imports one (src/bridge/awsSdkScripts.ts). None of it is in the app's bundle.
 *
 * The SDK runs unchanged, its own serializers, signing, retries and error
 * classes included. Only its defaults are those of Lambda's Node.js
 * runtime, not of a browser: the region comes from AWS_REGION, credentials
 * from the environment variables (the SDK's own `fromEnv` provider) or else
 * the playground's clearly fake session credentials (PLAYGROUND_CREDENTIALS), SHA-256
 * in JavaScript (the sandbox has no `crypto.subtle`), and requests go to the
 * request handler the runtime installs (src/runtime/awsTransport.ts), which
 * carries them to the workspace's services in the tab, not to the network.
 */
export function awsSdkAssets(): Plugin {
  const built = new Map<string, Promise<string>>();
  const script = (group: string): Promise<string> => {
    let s = built.get(group);
    if (!s) {
      s = bundleAwsSdkGroup(group);
      built.set(group, s);
      s.catch(() => built.delete(group));
    }
    return s;
  };
  return {
    name: 'aws-sdk-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const group = AWS_SDK_GROUPS.find((g) => path.endsWith(`/${awsSdkScriptPath(g)}`));
        if (!group) return next();
        script(group).then(
          (source) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(source);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      for (const group of AWS_SDK_GROUPS) this.emitFile({ type: 'asset', fileName: awsSdkScriptPath(group), source: await script(group) });
    },
  };
}

/** A client's browser runtime configuration, with Lambda's Node.js defaults in front of the browser's. */
const lambdaDefaults: EsbuildPlugin = {
  name: 'aws-sdk-lambda-defaults',
  setup(b) {
    b.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[a-z0-9-]+[\\/]dist-es[\\/]runtimeConfig\.browser\.js$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      const marker = 'export const getRuntimeConfig = (config) =>';
      if (!original.includes(marker)) throw new Error(`${args.path}: the SDK's runtime configuration changed shape`);
      const contents = `${original.replace(marker, 'const getBrowserRuntimeConfig = (config) =>')}
import { Sha256Js as PlaygroundSha256 } from "@smithy/core/checksum";
import { fromEnv as playgroundFromEnv } from "@aws-sdk/credential-provider-env";
const playgroundRegion = async () => {
  const env = globalThis.process?.env ?? {};
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new Error("Region is missing");
  return region;
};
export const getRuntimeConfig = (config) => getBrowserRuntimeConfig({
  ...config,
  region: config?.region ?? playgroundRegion,
  credentialDefaultProvider: config?.credentialDefaultProvider ?? ((init) => async () => {
    try {
      return await playgroundFromEnv(init)();
    } catch {
      return ${JSON.stringify(PLAYGROUND_CREDENTIALS)};
    }
  }),
  requestHandler: config?.requestHandler ?? globalThis.${AWS_SDK_TRANSPORT},
  sha256: config?.sha256 ?? PlaygroundSha256,
});
`;
      return { contents, loader: 'js', resolveDir: args.path.replace(/[\\/][^\\/]*$/, '') };
    });
  },
};

/**
 * The SDK's recursion-detection middleware as its Node.js build has it (the
 * browser build's does nothing): inside a Lambda function (AWS_LAMBDA_FUNCTION_NAME
 * set) each request carries the invocation's _X_AMZN_TRACE_ID as
 * X-Amzn-Trace-Id, which SQS keeps as AWSTraceHeader and Lambda's recursive
 * loop detection reads. (Node's also reads Lambda's invoke store; the
 * playground's runtime sets the variable per invocation instead.)
 */
const recursionDetection: EsbuildPlugin = {
  name: 'aws-sdk-recursion-detection',
  setup(b) {
    b.onLoad({ filter: /[\\/]middleware-recursion-detection[\\/]getRecursionDetectionPlugin\.browser\.js$/ }, (args) => ({
      loader: 'js',
      resolveDir: args.path.replace(/[\\/][^\\/]*$/, ''),
      contents: `import { recursionDetectionMiddlewareOptions } from "./configuration";
const recursionDetectionMiddleware = () => (next) => async (args) => {
  const { request } = args;
  const headers = request && typeof request === 'object' ? request.headers : undefined;
  if (headers && !Object.keys(headers).some((h) => h.toLowerCase() === 'x-amzn-trace-id')) {
    const env = globalThis.process?.env ?? {};
    const functionName = env.AWS_LAMBDA_FUNCTION_NAME;
    const traceId = env._X_AMZN_TRACE_ID;
    if (typeof functionName === 'string' && functionName !== '' && typeof traceId === 'string' && traceId !== '') headers['X-Amzn-Trace-Id'] = traceId;
  }
  return next(args);
};
export const getRecursionDetectionPlugin = () => ({
  applyToStack: (clientStack) => {
    clientStack.add(recursionDetectionMiddleware(), recursionDetectionMiddlewareOptions);
  },
});
`,
    }));
  },
};

/**
 * The SDK's XML parser as its Node.js build has it (plain JavaScript): the
 * browser build's uses DOMParser, which a worker does not have, so S3's and
 * SNS's XML answers (errors included) could not be read in an environment.
 */
const xmlParser: EsbuildPlugin = {
  name: 'aws-sdk-xml-parser',
  setup(b) {
    b.onLoad({ filter: /[\\/]xml-builder[\\/]dist-es[\\/]xml-parser\.browser\.js$/ }, async (args) => ({
      loader: 'js',
      resolveDir: args.path.replace(/[\\/][^\\/]*$/, ''),
      contents: await readFile(args.path.replace(/xml-parser\.browser\.js$/, 'xml-parser.js'), 'utf8'),
    }));
  },
};

/** One group's script: it registers each of its packages' exports under its name in the environment. */
export async function bundleAwsSdkGroup(group: string): Promise<string> {
  const packages = Object.keys(AWS_SDK_PACKAGES).filter((p) => AWS_SDK_PACKAGES[p] === group);
  if (packages.length === 0) throw new Error(`No AWS SDK group named ${group}`);
  const entry = [
    ...packages.map((p, i) => `import * as p${i} from ${JSON.stringify(p)};`),
    `const sdk = (globalThis.${AWS_SDK_GLOBAL} ??= {});`,
    ...packages.map((p, i) => `sdk[${JSON.stringify(p)}] = p${i};`),
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: `aws-sdk-${group}.js`, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [lambdaDefaults, recursionDetection, xmlParser],
  });
  return result.outputFiles[0]?.text ?? '';
}
