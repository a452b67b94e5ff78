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

/** `a.b[2]` as DynamoDB prints a path in its messages. */
export function pathText(path: DocumentPath): string {
  return path.map((s, i) => (s.kind === 'index' ? `[${s.index}]` : i === 0 ? s.name : `.${s.name}`)).join('');
}
