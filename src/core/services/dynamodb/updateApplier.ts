import { attributeValuesEqual, type AttributeMap, type AttributeValue } from './attributeValue';
import { validation } from './dynamoDbError';
import { overlapMessage, type DocumentPath, type SetValue, type UpdateAction } from './expressionAst';
import { valueAt } from './expressionEvaluator';
import { addNumbers } from './numberValue';

const WRONG_TYPE = 'An operand in the update expression has an incorrect data type';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** DynamoDB refuses an update whose paths overlap (`a` and `a.b`) or repeat. */
function checkOverlaps(actions: readonly UpdateAction[]): void {
  const overlap = overlapMessage(actions.map((a) => a.path));
  if (overlap) throw validation(`Invalid UpdateExpression: ${overlap}`);
}

function evaluateSet(item: AttributeMap, value: SetValue): AttributeValue {
  switch (value.kind) {
    case 'value':
      return value.value;
    case 'path': {
      const found = valueAt(item, value.path);
      if (found === undefined) throw validation('The provided expression refers to an attribute that does not exist in the item');
      return found;
    }
    case 'if_not_exists':
      return valueAt(item, value.path) ?? evaluateSet(item, value.fallback);
    case 'list_append': {
      const first = evaluateSet(item, value.first);
      const second = evaluateSet(item, value.second);
      if (!('L' in first) || !('L' in second)) throw validation(WRONG_TYPE);
      return { L: [...first.L, ...second.L] };
    }
    case 'arithmetic': {
      const left = evaluateSet(item, value.left);
      const right = evaluateSet(item, value.right);
      if (!('N' in left) || !('N' in right)) throw validation(WRONG_TYPE);
      return { N: addNumbers(left.N, right.N, value.op === '-') };
    }
  }
}

const INVALID_PATH = 'The document path provided in the update expression is invalid for update';

/** Writes `value` at `path` in `item` (mutating the clone); the parent must exist, a list index past the end appends. */
function setAt(item: AttributeMap, path: DocumentPath, value: AttributeValue): void {
  let container: AttributeValue = { M: item };
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    const here: AttributeValue = container;
    let next: AttributeValue | undefined;
    if (step.kind === 'name') next = 'M' in here ? here.M[step.name] : undefined;
    else next = 'L' in here ? here.L[step.index] : undefined;
    if (next === undefined) throw validation(INVALID_PATH);
    container = next;
  }
  const last = path[path.length - 1]!;
  if (last.kind === 'name') {
    if (!('M' in container)) throw validation(INVALID_PATH);
    container.M[last.name] = value;
  } else {
    if (!('L' in container)) throw validation(INVALID_PATH);
    if (last.index >= container.L.length) container.L.push(value);
    else container.L[last.index] = value;
  }
}

/** Removes the value at `path`; a missing attribute is no error, a list element's removal shifts the rest down. */
function removeAt(item: AttributeMap, path: DocumentPath): void {
  const parent = path.length === 1 ? ({ M: item } as AttributeValue) : valueAt(item, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (parent === undefined) return;
  if (last.kind === 'name' && 'M' in parent) delete parent.M[last.name];
  else if (last.kind === 'index' && 'L' in parent && last.index < parent.L.length) parent.L.splice(last.index, 1);
}

function setMembers(value: AttributeValue): { type: 'SS' | 'NS' | 'BS'; members: string[] } | null {
  if ('SS' in value) return { type: 'SS', members: value.SS };
  if ('NS' in value) return { type: 'NS', members: value.NS };
  if ('BS' in value) return { type: 'BS', members: value.BS };
  return null;
}

function makeSet(type: 'SS' | 'NS' | 'BS', members: string[]): AttributeValue {
  return type === 'SS' ? { SS: members } : type === 'NS' ? { NS: members } : { BS: members };
}

function memberOf(type: 'SS' | 'NS' | 'BS', member: string): AttributeValue {
  return type === 'SS' ? { S: member } : type === 'NS' ? { N: member } : { B: member };
}

function add(current: AttributeValue | undefined, operand: AttributeValue): AttributeValue {
  const operandSet = setMembers(operand);
  if (!('N' in operand) && !operandSet) throw validation(`Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: ${Object.keys(operand)[0] ?? ''}`);
  if (current === undefined) return operand;
  if ('N' in operand) {
    if (!('N' in current)) throw validation(WRONG_TYPE);
    return { N: addNumbers(current.N, operand.N) };
  }
  const currentSet = setMembers(current);
  if (!currentSet || !operandSet || currentSet.type !== operandSet.type) throw validation(WRONG_TYPE);
  const type = currentSet.type;
  const merged = [...currentSet.members];
  for (const m of operandSet.members) if (!merged.some((x) => attributeValuesEqual(memberOf(type, x), memberOf(type, m)))) merged.push(m);
  return makeSet(type, merged);
}

function remove(current: AttributeValue | undefined, operand: AttributeValue): AttributeValue | undefined {
  const operandSet = setMembers(operand);
  if (!operandSet) throw validation(`Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: ${Object.keys(operand)[0] ?? ''}`);
  if (current === undefined) return undefined;
  const currentSet = setMembers(current);
  if (!currentSet || currentSet.type !== operandSet.type) throw validation(WRONG_TYPE);
  const type = currentSet.type;
  const left = currentSet.members.filter((x) => !operandSet.members.some((m) => attributeValuesEqual(memberOf(type, x), memberOf(type, m))));
  return left.length ? makeSet(type, left) : undefined;
}

/**
 * An UpdateExpression applied to an item (or to the key alone, when the item
 * is new). Every right-hand side reads the item as it was before the update,
 * as DynamoDB evaluates them.
 */
export function applyUpdate(before: AttributeMap, actions: readonly UpdateAction[], keyNames: readonly string[]): AttributeMap {
  checkUpdateActions(actions, keyNames);
  return applyCheckedUpdate(before, actions);
}

/** What DynamoDB refuses in an update before looking at any item: overlapping paths, a key attribute changed. */
export function checkUpdateActions(actions: readonly UpdateAction[], keyNames: readonly string[]): void {
  checkOverlaps(actions);
  for (const action of actions) {
    const top = action.path[0];
    if (top?.kind === 'name' && keyNames.includes(top.name)) {
      throw validation(`One or more parameter values were invalid: Cannot update attribute ${top.name}. This attribute is part of the key`);
    }
  }
}

/** Applies actions already checked; throws only for what the item's own values make impossible (a wrong type, a missing path). */
export function applyCheckedUpdate(before: AttributeMap, actions: readonly UpdateAction[]): AttributeMap {
  const values = actions.map((a) => (a.kind === 'SET' ? evaluateSet(before, a.value) : undefined));
  const after = clone(before);
  // Removals of list elements name positions in the list as it was: remove the highest index first.
  const order = actions.map((a, i) => i).sort((i, j) => removalRank(actions[i]!) - removalRank(actions[j]!));
  for (const i of order) {
    const action = actions[i]!;
    switch (action.kind) {
      case 'SET':
        setAt(after, action.path, clone(values[i]!));
        break;
      case 'REMOVE':
        removeAt(after, action.path);
        break;
      case 'ADD':
        setAt(after, action.path, add(valueAt(after, action.path), action.value));
        break;
      case 'DELETE': {
        const left = remove(valueAt(after, action.path), action.value);
        if (left === undefined) removeAt(after, action.path);
        else setAt(after, action.path, left);
        break;
      }
    }
  }
  return after;
}

function removalRank(action: UpdateAction): number {
  const last = action.path[action.path.length - 1];
  return action.kind === 'REMOVE' && last?.kind === 'index' ? 1e9 - last.index : 0;
}
