import type { FunctionLayout } from './exportLayout';
import { getAtt, ref, type YamlNode } from './yamlEmitter';

/**
 * How a value that names a resource reads in the template, by the form it
 * has in the playground: a plain name (first), a queue's URL, an ARN. Each form
 * becomes the CloudFormation expression that gives the same form for the
 * deployed resource (Ref gives a table's, bucket's or bus's name, a queue's
 * URL, a topic's ARN and a function's name).
 */
const FORMS: Readonly<Record<string, readonly { match: (value: string, name: string) => boolean; as: (id: string) => YamlNode }[]>> = {
  tables: [
    { match: (v, n) => v === n, as: (id) => ref(id) },
    { match: (v, n) => new RegExp(`^arn:aws:dynamodb:[^:]+:\\d{12}:table/${escape(n)}$`).test(v), as: (id) => getAtt(id, 'Arn') },
  ],
  buckets: [
    { match: (v, n) => v === n, as: (id) => ref(id) },
    { match: (v, n) => v === `arn:aws:s3:::${n}`, as: (id) => getAtt(id, 'Arn') },
  ],
  queues: [
    { match: (v, n) => v === n, as: (id) => getAtt(id, 'QueueName') },
    { match: (v, n) => new RegExp(`^https://sqs\\.[^/]+\\.amazonaws\\.com/\\d{12}/${escape(n)}$`).test(v), as: (id) => ref(id) },
    { match: (v, n) => new RegExp(`^arn:aws:sqs:[^:]+:\\d{12}:${escape(n)}$`).test(v), as: (id) => getAtt(id, 'Arn') },
  ],
  topics: [
    { match: (v, n) => v === n, as: (id) => getAtt(id, 'TopicName') },
    { match: (v, n) => new RegExp(`^arn:aws:sns:[^:]+:\\d{12}:${escape(n)}$`).test(v), as: (id) => ref(id) },
  ],
  eventBuses: [
    { match: (v, n) => v === n, as: (id) => ref(id) },
    { match: (v, n) => new RegExp(`^arn:aws:events:[^:]+:\\d{12}:event-bus/${escape(n)}$`).test(v), as: (id) => getAtt(id, 'Arn') },
  ],
  functions: [
    { match: (v, n) => v === n, as: (id) => ref(id) },
    { match: (v, n) => new RegExp(`^arn:aws:lambda:[^:]+:\\d{12}:function:${escape(n)}$`).test(v), as: (id) => getAtt(id, 'Arn') },
  ],
};

/** The words in a variable's name that say which kind of resource its plain-name value is: `TABLE_NAME`, `ORDERS_QUEUE`, `PRICING_FUNCTION`. */
const KIND_WORDS: Readonly<Record<string, RegExp>> = {
  tables: /TABLE/i,
  buckets: /BUCKET/i,
  queues: /QUEUE/i,
  topics: /TOPIC/i,
  eventBuses: /BUS/i,
  functions: /FUNCTION|LAMBDA/i,
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function's environment variables for the template. A value that names
 * one of the template's resources (a queue's URL, an ARN, or its plain name
 * under a variable whose name says the kind, `TABLE_NAME`, `ORDERS_QUEUE`,
 * `PRICING_FUNCTION`) becomes a reference to it: CloudFormation names the
 * deployed resources, and the playground's account is not yours, so the
 * copied text would point nowhere. Other values are kept as they are, and
 * so is the function's own name and the name of a bucket that notifies it
 * (`notifiedBy`): a reference to either would be a circular dependency,
 * which CloudFormation refuses.
 */
export function samEnvironment(self: FunctionLayout, ids: ReadonlyMap<string, string>, layout: readonly FunctionLayout[], notifiedBy: ReadonlySet<string> = new Set()): Record<string, YamlNode> {
  const variables = self.fn.environment;
  const named: [kind: string, name: string, id: string][] = [
    ...[...ids].map(([key, id]): [string, string, string] => {
      const colon = key.indexOf(':');
      return [key.slice(0, colon), key.slice(colon + 1), id];
    }),
    ...layout.filter((l) => l !== self).map((l): [string, string, string] => ['functions', l.fn.name, l.logicalId]),
  ];
  const out: Record<string, YamlNode> = {};
  for (const [key, value] of Object.entries(variables)) {
    let node: YamlNode = value;
    for (const [kind, name, id] of named) {
      // A plain name may be any text ("orders" names a queue and a table alike): only the variable's name says which.
      const forms = FORMS[kind]?.filter((f, i) => i > 0 || KIND_WORDS[kind]?.test(key));
      // A bucket whose notifications invoke this function already depends on it: a reference back would be a circular dependency.
      if (kind === 'buckets' && notifiedBy.has(name)) continue;
      const form = forms?.find((f) => f.match(value, name));
      if (form) {
        node = form.as(id);
        break;
      }
    }
    out[key] = node;
  }
  return out;
}
