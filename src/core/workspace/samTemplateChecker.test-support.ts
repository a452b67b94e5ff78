import {
  EVENT_INVOKE_CONFIG,
  EVENT_PROPERTIES,
  FUNCTION_URL_CONFIG,
  GENERATED,
  LOGICAL_ID,
  POLICY_TEMPLATES,
  PROVISIONED_CONCURRENCY_CONFIG,
  PSEUDO_PARAMETERS,
  RESOURCE_RULES,
  S3_EVENTS,
  type PropRule,
} from './samSpecRules.test-support';

/** A template as the YAML parser gives it back: intrinsics in their long form ({Ref}, {Fn::GetAtt}, {Fn::Sub}). */
type Node = unknown;
type Map = Record<string, Node>;
const isMap = (v: Node): v is Map => typeof v === 'object' && v !== null && !Array.isArray(v);
const intrinsicOf = (v: Node): 'Ref' | 'Fn::GetAtt' | 'Fn::Sub' | null => {
  if (!isMap(v) || Object.keys(v).length !== 1) return null;
  const k = Object.keys(v)[0];
  return k === 'Ref' || k === 'Fn::GetAtt' || k === 'Fn::Sub' ? k : null;
};

function checkProp(path: string, value: Node, rule: PropRule, problems: string[]): void {
  const intrinsic = intrinsicOf(value);
  if (rule.intrinsic && !intrinsic) problems.push(`${path}: must refer to a resource of this template (Ref or GetAtt)`);
  if (intrinsic) return;
  const bad = (why: string): void => {
    problems.push(`${path}: ${why} (got ${JSON.stringify(value)})`);
  };
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return bad('expected a string');
      if (rule.max !== undefined && value.length > rule.max) bad(`longer than ${rule.max}`);
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return bad('expected an integer');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') bad('expected true or false');
      return;
    case 'list':
      if (!Array.isArray(value)) return bad('expected a list');
      if (rule.min !== undefined && value.length < rule.min) bad(`fewer than ${rule.min} items`);
      if (rule.max !== undefined && value.length > rule.max) bad(`more than ${rule.max} items`);
      if (rule.allowed) for (const item of value) if (!rule.allowed.includes(item as string)) bad(`item ${JSON.stringify(item)} is not one of ${rule.allowed.join(', ')}`);
      return;
    case 'map':
    case 'json':
      if (!isMap(value)) bad('expected a mapping');
      return;
    case 'string|list':
      if (typeof value !== 'string' && !Array.isArray(value)) bad('expected a string or a list');
      return;
  }
  if (rule.allowed && !rule.allowed.includes(value as string)) bad(`not one of ${rule.allowed.join(', ')}`);
  if (typeof value === 'number') {
    if (rule.min !== undefined && value < rule.min) bad(`below ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) bad(`above ${rule.max}`);
  }
}

function checkProps(path: string, props: Node, rules: Record<string, PropRule>, problems: string[]): void {
  if (props === undefined) props = {};
  if (!isMap(props)) {
    problems.push(`${path}: expected a mapping`);
    return;
  }
  for (const [name, rule] of Object.entries(rules)) if (rule.required && props[name] === undefined) problems.push(`${path}.${name}: required`);
  for (const [name, value] of Object.entries(props)) {
    const rule = rules[name];
    if (!rule) problems.push(`${path}.${name}: not a property this checker knows (look it up in the spec first)`);
    else checkProp(`${path}.${name}`, value, rule, problems);
  }
}

/** Every reference in the template resolves to a resource of the right type and attribute, a generated resource, or a pseudo parameter. */
function checkReferences(template: Map, generated: Map, problems: string[]): void {
  const resources = template.Resources as Map;
  const typeOf = (id: string): string | undefined => (isMap(resources[id]) ? ((resources[id] as Map).Type as string) : undefined);
  const visit = (v: Node, path: string): void => {
    const kind = intrinsicOf(v);
    if (kind === 'Ref') {
      const id = (v as Map).Ref as string;
      if (!typeOf(id) && !PSEUDO_PARAMETERS.includes(id)) problems.push(`${path}: Ref to unknown ${id}`);
    } else if (kind === 'Fn::GetAtt') {
      const [id, attr] = (v as Map)['Fn::GetAtt'] as string[];
      const type = typeOf(id ?? '');
      const attrs = type ? (RESOURCE_RULES[type]?.attributes ?? []) : isMap(generated[id ?? '']) ? ((generated[id ?? ''] as Map).attributes as string[]) : null;
      if (!attrs) problems.push(`${path}: GetAtt of unknown ${id}`);
      else if (!attrs.includes(attr ?? '')) problems.push(`${path}: ${id} has no attribute ${attr}`);
    } else if (kind === 'Fn::Sub') {
      for (const m of String((v as Map)['Fn::Sub']).matchAll(/\$\{([^}]+)\}/g)) {
        const name = m[1] ?? '';
        if (!PSEUDO_PARAMETERS.includes(name) && !typeOf(name) && !generated[name]) problems.push(`${path}: \${${name}} names nothing`);
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (isMap(v)) for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
  };
  visit(template.Resources, 'Resources');
  visit(template.Outputs, 'Outputs');
}

/** Problems `sam validate` would report for what we emit; empty when valid. */
export function checkSamTemplate(template: Node): string[] {
  const problems: string[] = [];
  if (!isMap(template)) return ['the template is not a mapping'];
  if (template.AWSTemplateFormatVersion !== '2010-09-09') problems.push('AWSTemplateFormatVersion must be "2010-09-09"');
  if (template.Transform !== 'AWS::Serverless-2016-10-31') problems.push('Transform must be AWS::Serverless-2016-10-31');
  for (const key of Object.keys(template)) if (!['AWSTemplateFormatVersion', 'Transform', 'Description', 'Resources', 'Outputs'].includes(key)) problems.push(`unexpected section ${key}`);
  const resources = template.Resources;
  if (!isMap(resources) || Object.keys(resources).length === 0) return [...problems, 'Resources must be a non-empty mapping'];
  const generated: Map = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!LOGICAL_ID.test(id)) problems.push(`${id}: logical IDs are 1–255 letters and digits`);
    if (!isMap(resource)) continue;
    const rules = RESOURCE_RULES[resource.Type as string];
    if (!rules) {
      problems.push(`${id}: unknown type ${String(resource.Type)}`);
      continue;
    }
    checkProps(`${id}.Properties`, resource.Properties, rules.properties, problems);
    if (resource.Type !== 'AWS::Serverless::Function') continue;
    const p = (resource.Properties ?? {}) as Map;
    for (const required of ['CodeUri', 'Handler', 'Runtime']) if (p[required] === undefined) problems.push(`${id}: ${required} is required for a zip function`);
    if (p.ProvisionedConcurrencyConfig !== undefined && p.AutoPublishAlias === undefined) problems.push(`${id}: ProvisionedConcurrencyConfig needs AutoPublishAlias`);
    if (p.ProvisionedConcurrencyConfig) checkProps(`${id}.ProvisionedConcurrencyConfig`, p.ProvisionedConcurrencyConfig, PROVISIONED_CONCURRENCY_CONFIG, problems);
    if (p.EventInvokeConfig) checkProps(`${id}.EventInvokeConfig`, p.EventInvokeConfig, EVENT_INVOKE_CONFIG, problems);
    if (p.FunctionUrlConfig) {
      checkProps(`${id}.FunctionUrlConfig`, p.FunctionUrlConfig, FUNCTION_URL_CONFIG, problems);
      generated[GENERATED.functionUrl(id)] = { attributes: ['FunctionUrl', 'FunctionArn'] };
    }
    for (const [i, policy] of (Array.isArray(p.Policies) ? p.Policies : []).entries()) {
      const [name, params] = isMap(policy) && Object.keys(policy).length === 1 ? Object.entries(policy)[0]! : ['', undefined];
      const template = POLICY_TEMPLATES[name];
      const path = `${id}.Policies[${i}]`;
      if (!template) problems.push(`${path}: not a policy template this checker knows (${JSON.stringify(policy)})`);
      else if (!isMap(params) || Object.keys(params).join() !== template.parameter) problems.push(`${path}.${name}: takes exactly ${template.parameter}`);
      else {
        const value = params[template.parameter];
        const target = isMap(value) ? ((value as Map).Ref ?? ((value as Map)['Fn::GetAtt'] as string[] | undefined)?.[0]) : undefined;
        if (target !== undefined && (resources[target as string] as Map | undefined)?.Type !== template.resource) problems.push(`${path}.${name}: must name an ${template.resource} of this template`);
        else checkProp(`${path}.${name}.${template.parameter}`, value, { type: 'string' }, problems);
      }
    }
    const vars = isMap(p.Environment) ? (p.Environment as Map).Variables : undefined;
    if (p.Environment !== undefined && !isMap(vars)) problems.push(`${id}.Environment: needs Variables`);
    // A value is a string, or an intrinsic function that resolves to one: Ref or Fn::GetAtt of a resource of this template.
    const resolvesToString = (v: unknown): boolean => {
      if (typeof v === 'string') return true;
      if (!isMap(v)) return false;
      const m = v as Map;
      const target = typeof m.Ref === 'string' ? m.Ref : Array.isArray(m['Fn::GetAtt']) && m['Fn::GetAtt'].length === 2 ? m['Fn::GetAtt'][0] : undefined;
      return Object.keys(m).length === 1 && typeof target === 'string' && target !== id && resources[target] !== undefined;
    };
    if (isMap(vars)) for (const [k, v] of Object.entries(vars)) if (!/^[a-zA-Z][a-zA-Z0-9_]+$/.test(k) || !resolvesToString(v)) problems.push(`${id}.Environment.Variables.${k}: keys [a-zA-Z][a-zA-Z0-9_]+, values strings (or Ref / Fn::GetAtt of another resource of this template)`);
    for (const [name, event] of Object.entries(isMap(p.Events) ? p.Events : {})) {
      const path = `${id}.Events.${name}`;
      if (!LOGICAL_ID.test(name)) problems.push(`${path}: event names are letters and digits`);
      const type = isMap(event) ? (event.Type as string) : '';
      const eventRules = EVENT_PROPERTIES[type];
      if (!eventRules || !isMap(event)) {
        problems.push(`${path}: unknown event type ${type}`);
        continue;
      }
      checkProps(`${path}.Properties`, event.Properties, eventRules, problems);
      const props = (event.Properties ?? {}) as Map;
      if (type === 'Api') generated[GENERATED.restApi] = { attributes: ['RootResourceId'] };
      if (type === 'HttpApi') generated[GENERATED.httpApi] = { attributes: ['ApiEndpoint'] };
      if (type === 'S3') {
        const target = isMap(props.Bucket) ? String((props.Bucket as Map).Ref) : '';
        if ((resources[target] as Map | undefined)?.Type !== 'AWS::S3::Bucket') problems.push(`${path}: Bucket must be a Ref to an AWS::S3::Bucket of this template`);
        for (const e of ([] as unknown[]).concat(props.Events)) if (!S3_EVENTS.includes(e as string)) problems.push(`${path}: ${String(e)} is not an S3 event type`);
      }
      if (type === 'SQS') {
        const att = isMap(props.Queue) ? ((props.Queue as Map)['Fn::GetAtt'] as string[] | undefined) : undefined;
        const queue = att ? (resources[att[0] ?? ''] as Map | undefined) : undefined;
        const visibility = (queue?.Properties as Map | undefined)?.VisibilityTimeout;
        // Lambda refuses the mapping otherwise (CreateEventSourceMapping: "Queue visibility timeout … is less than Function timeout").
        if (typeof visibility === 'number' && typeof p.Timeout === 'number' && visibility < p.Timeout) problems.push(`${path}: the queue's VisibilityTimeout ${visibility} is below the function's Timeout ${p.Timeout}`);
      }
      if (type === 'DynamoDB') {
        const att = isMap(props.Stream) ? ((props.Stream as Map)['Fn::GetAtt'] as string[] | undefined) : undefined;
        const table = att ? (resources[att[0] ?? ''] as Map | undefined) : undefined;
        if (!table || !isMap((table.Properties as Map | undefined)?.StreamSpecification)) problems.push(`${path}: Stream must be the StreamArn of a table with a StreamSpecification`);
      }
    }
  }
  checkReferences(template, generated, problems);
  for (const [name, output] of Object.entries(isMap(template.Outputs) ? template.Outputs : {})) {
    if (!LOGICAL_ID.test(name)) problems.push(`Outputs.${name}: names are letters and digits`);
    if (!isMap(output) || output.Value === undefined) problems.push(`Outputs.${name}: needs a Value`);
  }
  return problems;
}
