import type { AttributeMap, AttributeValue } from './attributeValue';
import { validation } from './dynamoDbError';
import { overlapMessage, type Comparator, type Condition, type DocumentPath, type Operand, type PathStep, type SetValue, type UpdateAction } from './expressionAst';
import { RESERVED_WORDS } from './reservedWords';

/** Which request member an expression came from; DynamoDB names it in every message ("Invalid UpdateExpression: …"). */
export type ExpressionKind = 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression' | 'UpdateExpression' | 'ProjectionExpression';

/**
 * The placeholders of one request. Every expression of the request reads
 * them, and marks what it used, so that an unused name or value can be
 * refused afterwards as DynamoDB refuses it.
 */
export class ExpressionContext {
  readonly usedNames = new Set<string>();
  readonly usedValues = new Set<string>();

  constructor(
    readonly names: Readonly<Record<string, string>>,
    readonly values: Readonly<AttributeMap>,
  ) {}

  /** Refuses placeholders no expression used (DynamoDB checks names first). */
  checkAllUsed(): void {
    const names = Object.keys(this.names).filter((n) => !this.usedNames.has(n));
    if (names.length) throw validation(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${names.join(', ')}}`);
    const values = Object.keys(this.values).filter((v) => !this.usedValues.has(v));
    if (values.length) throw validation(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${values.join(', ')}}`);
  }
}

interface Token {
  readonly type: 'name' | 'placeholder' | 'value' | 'number' | 'punct' | 'eof';
  readonly text: string;
}

const TOKEN_PATTERNS: readonly { type: Token['type']; pattern: RegExp }[] = [
  { type: 'placeholder', pattern: /^#[A-Za-z0-9_]+/ },
  { type: 'value', pattern: /^:[A-Za-z0-9_]+/ },
  { type: 'name', pattern: /^[A-Za-z_][A-Za-z0-9_]*/ },
  { type: 'number', pattern: /^\d+/ },
];

const PUNCT = ['<>', '<=', '>=', '=', '<', '>', '(', ')', '[', ']', ',', '.', '+', '-'];

function tokenize(source: string, kind: ExpressionKind): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const match = TOKEN_PATTERNS.map(({ type, pattern }) => ({ type, m: pattern.exec(rest) })).find((t) => t.m !== null);
    if (match?.m) {
      tokens.push({ type: match.type, text: match.m[0] });
      i += match.m[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => rest.startsWith(p));
    if (!punct) throw validation(`Invalid ${kind}: Syntax error; token: "${rest[0] ?? ''}", near: "${source.slice(Math.max(0, i - 4), i + 4).trim()}"`);
    tokens.push({ type: 'punct', text: punct });
    i += punct.length;
  }
  tokens.push({ type: 'eof', text: '<EOF>' });
  return tokens;
}

const CONDITION_FUNCTIONS = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains']);
const UPDATE_FUNCTIONS = new Set(['if_not_exists', 'list_append']);
const COMPARATORS: readonly string[] = ['=', '<>', '<', '<=', '>', '>='];

class Parser {
  private at = 0;
  private readonly tokens: Token[];

  constructor(
    private readonly source: string,
    private readonly kind: ExpressionKind,
    private readonly ctx: ExpressionContext,
  ) {
    if (source.trim() === '') throw validation(`Invalid ${kind}: The expression can not be empty;`);
    this.tokens = tokenize(source, kind);
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.at++;
    return t;
  }

  private isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'name' && t.text.toUpperCase() === word;
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.text === p;
  }

  /** DynamoDB's syntax error: the offending token and the tokens around it. */
  syntaxError(): never {
    const near = [this.tokens[this.at - 1], this.peek(), this.peek(1)]
      .filter((t): t is Token => t !== undefined && t.type !== 'eof')
      .map((t) => t.text)
      .join(' ');
    throw validation(`Invalid ${this.kind}: Syntax error; token: "${this.peek().text}", near: "${near}"`);
  }

  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.syntaxError();
    this.next();
  }

  end(): void {
    if (this.peek().type !== 'eof') this.syntaxError();
  }

  private attributeName(): string {
    const t = this.next();
    if (t.type === 'placeholder') {
      const name = this.ctx.names[t.text];
      if (name === undefined) throw validation(`Invalid ${this.kind}: An expression attribute name used in the document path is not defined; attribute name: ${t.text}`);
      this.ctx.usedNames.add(t.text);
      return name;
    }
    if (t.type === 'name') {
      if (RESERVED_WORDS.has(t.text.toUpperCase())) throw validation(`Invalid ${this.kind}: Attribute name is a reserved keyword; reserved keyword: ${t.text}`);
      return t.text;
    }
    if (t.type !== 'eof') this.at--;
    return this.syntaxError();
  }

  path(): DocumentPath {
    const steps: PathStep[] = [{ kind: 'name', name: this.attributeName() }];
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        steps.push({ kind: 'name', name: this.attributeName() });
      } else if (this.isPunct('[')) {
        this.next();
        const t = this.next();
        if (t.type !== 'number') {
          this.at--;
          this.syntaxError();
        }
        steps.push({ kind: 'index', index: Number(t.text) });
        this.expectPunct(']');
      } else return steps;
    }
  }

  private value(): AttributeValue {
    const t = this.next();
    const value = this.ctx.values[t.text];
    if (value === undefined) throw validation(`Invalid ${this.kind}: An expression attribute value used in expression is not defined; attribute value: ${t.text}`);
    this.ctx.usedValues.add(t.text);
    return value;
  }

  private functionName(): string | null {
    const t = this.peek();
    return t.type === 'name' && this.peek(1).type === 'punct' && this.peek(1).text === '(' ? t.text : null;
  }

  private operand(): Operand {
    const fn = this.functionName();
    if (fn !== null) {
      if (fn !== 'size') {
        if (CONDITION_FUNCTIONS.has(fn) || UPDATE_FUNCTIONS.has(fn)) throw validation(`Invalid ${this.kind}: The function is not allowed to be used this way in an expression; function: ${fn}`);
        throw validation(`Invalid ${this.kind}: Invalid function name; function: ${fn}`);
      }
      this.next();
      this.next();
      const path = this.path();
      this.expectPunct(')');
      return { kind: 'size', path };
    }
    if (this.peek().type === 'value') return { kind: 'value', value: this.value() };
    return { kind: 'path', path: this.path() };
  }

  condition(): Condition {
    let left = this.conjunction();
    while (this.isWord('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  private conjunction(): Condition {
    let left = this.negation();
    while (this.isWord('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.negation() };
    }
    return left;
  }

  private negation(): Condition {
    if (this.isWord('NOT')) {
      this.next();
      return { kind: 'not', condition: this.negation() };
    }
    return this.primary();
  }

  private primary(): Condition {
    if (this.isPunct('(')) {
      this.next();
      const inner = this.condition();
      this.expectPunct(')');
      return inner;
    }
    const fn = this.functionName();
    if (fn !== null && fn !== 'size') return this.conditionFunction(fn);
    const operand = this.operand();
    if (this.isWord('BETWEEN')) {
      this.next();
      const low = this.operand();
      if (!this.isWord('AND')) this.syntaxError();
      this.next();
      return { kind: 'between', operand, low, high: this.operand() };
    }
    if (this.isWord('IN')) {
      this.next();
      this.expectPunct('(');
      const list = [this.operand()];
      while (this.isPunct(',')) {
        this.next();
        list.push(this.operand());
      }
      this.expectPunct(')');
      return { kind: 'in', operand, list };
    }
    const t = this.peek();
    if (t.type !== 'punct' || !COMPARATORS.includes(t.text)) this.syntaxError();
    this.next();
    return { kind: 'compare', op: t.text as Comparator, left: operand, right: this.operand() };
  }

  private conditionFunction(fn: string): Condition {
    if (!CONDITION_FUNCTIONS.has(fn)) {
      if (UPDATE_FUNCTIONS.has(fn)) throw validation(`Invalid ${this.kind}: The function is not allowed to be used this way in an expression; function: ${fn}`);
      throw validation(`Invalid ${this.kind}: Invalid function name; function: ${fn}`);
    }
    this.next();
    this.next();
    let result: Condition;
    if (fn === 'attribute_exists' || fn === 'attribute_not_exists') result = { kind: fn, path: this.path() };
    else if (fn === 'attribute_type') {
      const path = this.path();
      this.expectPunct(',');
      result = { kind: fn, path, type: this.operand() };
    } else {
      const subject = this.operand();
      this.expectPunct(',');
      result = { kind: fn === 'begins_with' ? 'begins_with' : 'contains', subject, operand: this.operand() };
    }
    this.expectPunct(')');
    return result;
  }

  private setTerm(): SetValue {
    const fn = this.functionName();
    if (fn !== null) {
      if (!UPDATE_FUNCTIONS.has(fn)) {
        if (CONDITION_FUNCTIONS.has(fn) || fn === 'size') throw validation(`Invalid ${this.kind}: The function is not allowed in an update expression; function: ${fn}`);
        throw validation(`Invalid ${this.kind}: Invalid function name; function: ${fn}`);
      }
      this.next();
      this.next();
      let result: SetValue;
      if (fn === 'if_not_exists') {
        const path = this.path();
        this.expectPunct(',');
        result = { kind: 'if_not_exists', path, fallback: this.setValue() };
      } else {
        const first = this.setValue();
        this.expectPunct(',');
        result = { kind: 'list_append', first, second: this.setValue() };
      }
      this.expectPunct(')');
      return result;
    }
    if (this.peek().type === 'value') return { kind: 'value', value: this.value() };
    return { kind: 'path', path: this.path() };
  }

  private setValue(): SetValue {
    const left = this.setTerm();
    if (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text as '+' | '-';
      return { kind: 'arithmetic', op, left, right: this.setTerm() };
    }
    return left;
  }

  update(): UpdateAction[] {
    const actions: UpdateAction[] = [];
    const seen = new Set<string>();
    while (this.peek().type !== 'eof') {
      const word = this.peek().type === 'name' ? this.peek().text.toUpperCase() : '';
      if (word !== 'SET' && word !== 'REMOVE' && word !== 'ADD' && word !== 'DELETE') this.syntaxError();
      if (seen.has(word)) throw validation(`Invalid ${this.kind}: The "${word}" section can only be used once in an update expression;`);
      seen.add(word);
      this.next();
      for (let first = true; first || this.isPunct(','); first = false) {
        if (!first) this.next();
        const path = this.path();
        if (word === 'SET') {
          this.expectPunct('=');
          actions.push({ kind: 'SET', path, value: this.setValue() });
        } else if (word === 'REMOVE') actions.push({ kind: 'REMOVE', path });
        else {
          if (this.peek().type !== 'value') this.syntaxError();
          actions.push({ kind: word, path, value: this.value() });
        }
      }
    }
    return actions;
  }

  projection(): DocumentPath[] {
    const paths = [this.path()];
    while (this.isPunct(',')) {
      this.next();
      paths.push(this.path());
    }
    return paths;
  }
}

export function parseCondition(source: string, kind: ExpressionKind, ctx: ExpressionContext): Condition {
  const parser = new Parser(source, kind, ctx);
  const condition = parser.condition();
  parser.end();
  return condition;
}

export function parseUpdate(source: string, ctx: ExpressionContext): UpdateAction[] {
  const parser = new Parser(source, 'UpdateExpression', ctx);
  const actions = parser.update();
  parser.end();
  return actions;
}

export function parseProjection(source: string, ctx: ExpressionContext): DocumentPath[] {
  const parser = new Parser(source, 'ProjectionExpression', ctx);
  const paths = parser.projection();
  parser.end();
  const overlap = overlapMessage(paths);
  if (overlap) throw validation(`Invalid ProjectionExpression: ${overlap}`);
  return paths;
}
