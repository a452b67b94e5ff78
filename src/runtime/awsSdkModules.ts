import { AWS_SDK_GLOBAL, AWS_SDK_PACKAGES } from '../protocol/awsSdk';

/** Not one of the SDK packages the app sent this environment. */
export const NOT_SDK = Symbol('not an AWS SDK package');

/**
 * The AWS SDK packages of one environment: the scripts the app sent (one per
 * group the handler imports), each evaluated on the first `require` of one
 * of its packages, during Init as on Lambda, so its load is counted where
 * Lambda counts it.
 */
export class AwsSdkModules {
  private readonly evaluated = new Set<string>();

  constructor(
    private readonly scripts: Readonly<Record<string, string>>,
    private readonly host: Record<string, unknown>,
    private readonly evaluate: (source: string) => void,
  ) {}

  /** The package's exports, NOT_SDK for a name that is no SDK package, or throws why it cannot load. */
  load(id: string): unknown {
    const group = AWS_SDK_PACKAGES[id];
    if (!group) {
      if (!id.startsWith('@aws-sdk/')) return NOT_SDK;
      throw Object.assign(new Error(`Cannot find module '${id}': the playground's Node.js runtime ships these AWS SDK v3 packages only (its services run in the tab): ${Object.keys(AWS_SDK_PACKAGES).join(', ')}`), { code: 'MODULE_NOT_FOUND' });
    }
    const script = this.scripts[group];
    if (script === undefined) {
      throw Object.assign(new Error(`Cannot find module '${id}': the playground sends the AWS SDK only to handlers that import it with a plain string`), { code: 'MODULE_NOT_FOUND' });
    }
    if (!this.evaluated.has(group)) {
      this.evaluated.add(group);
      this.evaluate(script);
    }
    return (this.host[AWS_SDK_GLOBAL] as Record<string, unknown> | undefined)?.[id];
  }
}
