/**
 * The `FunctionName` of a Lambda API call, in each form the API accepts
 * (API reference, Invoke, "FunctionName"): a name (`my-function`), a name
 * with a qualifier (`my-function:v1`), a partial ARN
 * (`123456789012:function:my-function`) or a full ARN
 * (`arn:aws:lambda:us-west-2:123456789012:function:my-function`), the
 * last three optionally ending `:<version or alias>`. Length 1–170; a bare
 * name is at most 64 characters (same page).
 */

/** The pattern the API reference gives, which Lambda quotes in its ValidationException. */
export const FUNCTION_NAME_PATTERN_TEXT = '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';
export const FUNCTION_NAME_MAX_LENGTH = 170;

const PATTERN = /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9_.-]+)(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/;

export interface ParsedFunctionName {
  name: string;
  /** Set when an ARN names them. */
  region: string | null;
  accountId: string | null;
  /** The `:qualifier` suffix, if any. */
  qualifier: string | null;
}

/** The parts of a FunctionName, or null when it breaks the API's pattern or length. */
export function parseFunctionName(raw: string): ParsedFunctionName | null {
  if (raw.length < 1 || raw.length > FUNCTION_NAME_MAX_LENGTH) return null;
  const m = PATTERN.exec(raw);
  if (!m || m[3] === undefined) return null;
  return { name: m[3], region: m[1] ?? null, accountId: m[2] ?? null, qualifier: m[4] ?? null };
}
