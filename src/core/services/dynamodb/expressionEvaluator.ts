import {
  ATTRIBUTE_TYPES,
  attributeValuesEqual,
  base64Bytes,
  compareScalars,
  type AttributeMap,
  type AttributeValue,
} from './attributeValue';
import { validation } from './dynamoDbError';
import type { Condition, DocumentPath, Operand } from './expressionAst';

/** The value at a document path, or undefined when any step is missing or of the wrong type. */
export function valueAt(item: AttributeMap, path: DocumentPath): AttributeValue | undefined {
  let current: AttributeValue | undefined = { M: item };
  for (const step of path) {
    if (current === undefined) return undefined;
    if (step.kind === 'name') current = 'M' in current ? current.M[step.name] : undefined;
    else current = 'L' in current ? current.L[step.index] : undefined;
  }
  return current;
}

/** size(): a string's length, binary's bytes, a set's members, a list's or map's elements; other types have none. */
function sizeOf(value: AttributeValue | undefined): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if ('S' in value) return { N: String([...value.S].length) };
  if ('B' in value) return { N: String(base64Bytes(value.B).length) };
  if ('SS' in value) return { N: String(value.SS.length) };
  if ('NS' in value) return { N: String(value.NS.length) };
  if ('BS' in value) return { N: String(value.BS.length) };
  if ('L' in value) return { N: String(value.L.length) };
  if ('M' in value) return { N: String(Object.keys(value.M).length) };
  return undefined;
}

function operandValue(item: AttributeMap, operand: Operand): AttributeValue | undefined {
  if (operand.kind === 'value') return operand.value;
  if (operand.kind === 'path') return valueAt(item, operand.path);
  return sizeOf(valueAt(item, operand.path));
}

function compare(op: string, a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (op === '=') return attributeValuesEqual(a, b);
  if (op === '<>') return !attributeValuesEqual(a, b);
  const order = compareScalars(a, b);
  if (order === null) return false;
  return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
}

function beginsWith(subject: AttributeValue | undefined, prefix: AttributeValue | undefined): boolean {
  if (subject === undefined || prefix === undefined) return false;
  if ('S' in subject && 'S' in prefix) return subject.S.startsWith(prefix.S);
  if ('B' in subject && 'B' in prefix) {
    const s = base64Bytes(subject.B);
    const p = base64Bytes(prefix.B);
    return p.length <= s.length && p.every((byte, i) => s[i] === byte);
  }
  return false;
}

function contains(subject: AttributeValue | undefined, member: AttributeValue | undefined): boolean {
  if (subject === undefined || member === undefined) return false;
  if ('S' in subject) return 'S' in member && subject.S.includes(member.S);
  if ('B' in subject) {
    if (!('B' in member)) return false;
    const s = [...base64Bytes(subject.B)].join(',');
    const m = [...base64Bytes(member.B)].join(',');
    return m === '' || `,${s},`.includes(`,${m},`);
  }
  if ('SS' in subject) return 'S' in member && subject.SS.includes(member.S);
  if ('NS' in subject) return 'N' in member && subject.NS.some((n) => attributeValuesEqual({ N: n }, member));
  if ('BS' in subject) return 'B' in member && subject.BS.some((b) => attributeValuesEqual({ B: b }, member));
  if ('L' in subject) return subject.L.some((v) => attributeValuesEqual(v, member));
  return false;
}

/**
 * A condition against an item (an absent item is `{}`). Comparisons with a
 * missing attribute or across types are false, as in DynamoDB; only a
 * malformed attribute_type argument is an error.
 */
export function evaluateCondition(item: AttributeMap, condition: Condition): boolean {
  switch (condition.kind) {
    case 'compare':
      return compare(condition.op, operandValue(item, condition.left), operandValue(item, condition.right));
    case 'between': {
      const v = operandValue(item, condition.operand);
      const low = operandValue(item, condition.low);
      const high = operandValue(item, condition.high);
      if (low && high) {
        const order = compareScalars(low, high);
        if (order !== null && order > 0) {
          throw validation(`Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: ${JSON.stringify(low)}, upper bound operand: AttributeValue: ${JSON.stringify(high)}`);
        }
      }
      return compare('>=', v, low) && compare('<=', v, high);
    }
    case 'in': {
      const v = operandValue(item, condition.operand);
      return condition.list.some((o) => compare('=', v, operandValue(item, o)));
    }
    case 'and':
      return evaluateCondition(item, condition.left) && evaluateCondition(item, condition.right);
    case 'or':
      return evaluateCondition(item, condition.left) || evaluateCondition(item, condition.right);
    case 'not':
      return !evaluateCondition(item, condition.condition);
    case 'attribute_exists':
      return valueAt(item, condition.path) !== undefined;
    case 'attribute_not_exists':
      return valueAt(item, condition.path) === undefined;
    case 'attribute_type': {
      const type = operandValue(item, condition.type);
      if (!type || !('S' in type) || !(ATTRIBUTE_TYPES as readonly string[]).includes(type.S)) {
        throw validation(`Invalid ConditionExpression: Invalid attribute type name found; type: ${type && 'S' in type ? type.S : JSON.stringify(type)}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);
      }
      const v = valueAt(item, condition.path);
      return v !== undefined && type.S in v;
    }
    case 'begins_with':
      return beginsWith(operandValue(item, condition.subject), operandValue(item, condition.operand));
    case 'contains':
      return contains(operandValue(item, condition.subject), operandValue(item, condition.operand));
  }
}

/**
 * A ProjectionExpression applied to an item: only the named paths, nested
 * maps kept as maps, list elements picked by index kept in their order
 * (compacted), as DynamoDB returns them.
 */
export function project(item: AttributeMap, paths: readonly DocumentPath[]): AttributeMap {
  const out: AttributeValue = { M: {} };
  for (const path of paths) {
    const value = valueAt(item, path);
    if (value !== undefined) placeProjected(out, { M: item }, path, value);
  }
  return 'M' in out ? out.M : {};
}

/** Copies one path's value into `target`, building the maps and (sparse, later compacted) lists on the way. */
function placeProjected(target: AttributeValue, source: AttributeValue, path: DocumentPath, value: AttributeValue): void {
  let t = target;
  let s = source;
  path.forEach((step, i) => {
    const last = i === path.length - 1;
    if (step.kind === 'name' && 'M' in t && 'M' in s) {
      const next = s.M[step.name]!;
      if (last) t.M[step.name] = value;
      else t.M[step.name] ??= 'M' in next ? { M: {} } : { L: [] };
      t = t.M[step.name]!;
      s = next;
    } else if (step.kind === 'index' && 'L' in t && 'L' in s) {
      const next = s.L[step.index]!;
      const slot = sparseIndex(t, step.index);
      if (last) t.L[slot] = value;
      else t.L[slot] ??= 'M' in next ? { M: {} } : { L: [] };
      t = t.L[slot]!;
      s = next;
    }
  });
}

/** Projected list elements keep their source order; the source index rides along in a side table. */
const SOURCE_INDEXES = new WeakMap<AttributeValue[], number[]>();

function sparseIndex(list: { L: AttributeValue[] }, index: number): number {
  const indexes = SOURCE_INDEXES.get(list.L) ?? [];
  SOURCE_INDEXES.set(list.L, indexes);
  const found = indexes.indexOf(index);
  if (found >= 0) return found;
  let at = indexes.findIndex((i) => i > index);
  if (at < 0) at = indexes.length;
  indexes.splice(at, 0, index);
  list.L.splice(at, 0, { NULL: true });
  delete list.L[at];
  return at;
}
