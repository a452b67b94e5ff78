import { scenarioSchema } from './sim/scenarioSchema';
import type { JsonSchema, Schema } from './schema/schema';
import { workspaceSchema } from './workspace/workspaceSchema';

/**
 * The saved formats whose JSON Schema is published in docs/: each file is
 * generated from the schema the app reads with (`npm run schemas` writes
 * them; a unit test fails when one is stale).
 */
export interface SavedFormat {
  file: string;
  title: string;
  description: string;
  schema: Schema<unknown>;
}

export const SAVED_FORMATS: readonly SavedFormat[] = [
  {
    file: 'docs/workspace.schema.json',
    title: 'Playground workspace',
    description:
      "A workspace of the Serverless Playground (docs/link-format.md): what a share link carries, what the browser saves and the `workspace` of an export's playground.json. Fields left out take their defaults; fields it does not know are ignored. Ranges are checked by the app once the workspace is open, in Lambda's words.",
    schema: workspaceSchema,
  },
  {
    file: 'docs/scenario.schema.json',
    title: 'Scale-simulation scenario',
    description:
      "A scenario of the Serverless Playground's scale simulation (docs/scenario.md): what the Simulation panel builds and downloads, and what `npm run simulate -- scenario.json` reads. Every field but `version` may be left out and takes its default. Times are Lambda's own.",
    schema: scenarioSchema,
  },
];

/** A format's JSON Schema document. */
export function schemaDocument(format: SavedFormat): JsonSchema {
  const { description: _own, ...node } = format.schema.toJsonSchema();
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: format.title, description: format.description, ...node };
}

/** The text of the format's file in docs/: two-space JSON, lists of plain values on one line. */
export function schemaFileText(format: SavedFormat): string {
  const text = JSON.stringify(schemaDocument(format), null, 2);
  return `${text.replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_all, inner: string) => `[${inner.split(/,\n\s+/).join(', ')}]`)}\n`;
}
