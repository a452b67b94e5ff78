import { parse, type ScalarTag } from 'yaml';

/** CloudFormation's short-form tags, read into their long form as CloudFormation does. */
const CFN_TAGS: ScalarTag[] = [
  { tag: '!Ref', resolve: (s: string) => ({ Ref: s }) },
  { tag: '!GetAtt', resolve: (s: string) => ({ 'Fn::GetAtt': [s.slice(0, s.indexOf('.')), s.slice(s.indexOf('.') + 1)] }) },
  { tag: '!Sub', resolve: (s: string) => ({ 'Fn::Sub': s }) },
].map((t) => ({ ...t, identify: () => false }));

/** A template's YAML as CloudFormation reads it: strict, unique keys, its intrinsic functions in long form. */
export function parseCfnYaml(text: string): unknown {
  return parse(text, { customTags: CFN_TAGS, strict: true, uniqueKeys: true });
}
