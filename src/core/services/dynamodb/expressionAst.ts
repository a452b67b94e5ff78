import type { AttributeValue } from './attributeValue';

/** A step of a document path: `a.b[2]` is name a, name b, index 2. */
export type PathStep = { kind: 'name'; name: string } | { kind: 'index'; index: number };
export type DocumentPath = readonly PathStep[];

export type Operand =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'size'; path: DocumentPath };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'compare'; op: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand }
  | { kind: 'in'; operand: Operand; list: readonly Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; condition: Condition }
  | { kind: 'attribute_exists' | 'attribute_not_exists'; path: DocumentPath }
  | { kind: 'attribute_type'; path: DocumentPath; type: Operand }
  | { kind: 'begins_with' | 'contains'; subject: Operand; operand: Operand };

/** The right-hand side of a SET action. */
export type SetValue =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'if_not_exists'; path: DocumentPath; fallback: SetValue }
  | { kind: 'list_append'; first: SetValue; second: SetValue }
  | { kind: 'arithmetic'; op: '+' | '-'; left: SetValue; right: SetValue };

export type UpdateAction =
  | { kind: 'SET'; path: DocumentPath; value: SetValue }
  | { kind: 'REMOVE'; path: DocumentPath }
  | { kind: 'ADD' | 'DELETE'; path: DocumentPath; value: AttributeValue };

function isPrefix(a: DocumentPath, b: DocumentPath): boolean {
  return a.length <= b.length && a.every((s, i) => {
    const o = b[i]!;
    return s.kind === 'name' ? o.kind === 'name' && s.name === o.name : o.kind === 'index' && s.index === o.index;
  });
}

function pathList(path: DocumentPath): string {
  return `[${path.map((s) => (s.kind === 'name' ? s.name : `[${s.index}]`)).join(', ')}]`;
}

/**
 * DynamoDB's refusal of two paths of one expression where one is the other
 * or inside it (`a` and `a.b`): the message naming both, or null.
 */
export function overlapMessage(paths: readonly DocumentPath[]): string | null {
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const a = paths[i]!;
      const b = paths[j]!;
      if (isPrefix(a, b) || isPrefix(b, a)) return `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${pathList(a)}, path two: ${pathList(b)}`;
    }
  }
  return null;
}
