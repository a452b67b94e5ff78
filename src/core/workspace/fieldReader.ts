import { isObject, SchemaProblem } from '../schema/schema';

type JsonObject = { [key: string]: unknown };

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`);

/**
 * Reading the fields of one object of an old format, for the migrations
 * (workspaceMigrations.ts): a present field must have the right type, and a
 * problem is reported with its path. The current format is read by its
 * schema (workspaceSchema.ts).
 */
export class FieldReader {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string): FieldReader {
    if (!isObject(value)) throw new SchemaProblem(path || '(top)', `expected an object, got ${describe(value)}`);
    return new FieldReader(value, path);
  }

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  string(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string') throw new SchemaProblem(this.at(key), `expected a string, got ${v === undefined ? 'nothing' : describe(v)}`);
    return v;
  }

  object(key: string): FieldReader {
    return FieldReader.of(this.value[key], this.at(key));
  }
}
