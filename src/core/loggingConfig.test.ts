import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environmentVariables } from './environmentVariables';
import { loggingOf, validateConfig } from './functionConfig';
import { makeConfig } from './scenario.test-support';
import { compactWorkspace } from './workspace/compactWorkspace';
import { readWorkspace } from './workspace/readWorkspace';
import { fn, ws } from './workspace/sampleWorkspaces.test-support';
import { samTemplate } from './workspace/samTemplate';
import { checkSamTemplate } from './workspace/samTemplateChecker.test-support';

const id = { region: 'us-east-1', logStreamName: 's', initializationType: 'on-demand' as const };

describe('LoggingConfig', () => {
  it("defaults to Text, and INFO levels once JSON is chosen, as Lambda's do", () => {
    expect(loggingOf({})).toEqual({ logFormat: 'Text', applicationLogLevel: 'INFO', systemLogLevel: 'INFO' });
    expect(validateConfig(makeConfig({ logFormat: 'JSON', applicationLogLevel: 'DEBUG', systemLogLevel: 'WARN' }))).toEqual([]);
  });

  it("refuses unknown values and levels with Text, in Lambda's words", () => {
    const bad = validateConfig(makeConfig({ logFormat: 'JSON', applicationLogLevel: 'VERBOSE' as never }));
    expect(bad).toEqual([
      { field: 'applicationLogLevel', message: "1 validation error detected: Value 'VERBOSE' at 'loggingConfig.applicationLogLevel' failed to satisfy constraint: Member must satisfy enum value set: [TRACE, DEBUG, INFO, WARN, ERROR, FATAL]" },
    ]);
    const text = validateConfig(makeConfig({ logFormat: 'Text', systemLogLevel: 'WARN' }));
    expect(text[0]?.message).toMatch(/LogLevel is not supported when LogFormat is set to "Text"/);
  });

  it('tells the runtime the format and the application level through its variables, only with JSON', () => {
    expect(environmentVariables(makeConfig({ logFormat: 'JSON', applicationLogLevel: 'ERROR' }), id)).toMatchObject({ AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'ERROR' });
    expect(environmentVariables(makeConfig({}), id)).not.toHaveProperty('AWS_LAMBDA_LOG_FORMAT');
  });

  it('is saved in the workspace, and a link from before it loads as Text', () => {
    const w = ws([fn('a', { logFormat: 'JSON', applicationLogLevel: 'WARN', systemLogLevel: 'DEBUG' }), fn('b')]);
    const back = readWorkspace(JSON.parse(JSON.stringify(compactWorkspace(w))));
    expect(back).toEqual(w);
    expect(back.functions[1]).not.toHaveProperty('logFormat');
    expect(() => readWorkspace({ functions: [{ name: 'x', logFormat: 'XML' }] })).toThrow(/logFormat/);
  });

  it('is exported to the SAM template as LoggingConfig when JSON', () => {
    const t = samTemplate(ws([fn('json-fn', { logFormat: 'JSON', applicationLogLevel: 'DEBUG' }), fn('text-fn')]));
    const doc = parse(t.yaml) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(checkSamTemplate(doc)).toEqual([]);
    expect(doc.Resources.JsonFnFunction?.Properties.LoggingConfig).toEqual({ LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'INFO' });
    expect(doc.Resources.TextFnFunction?.Properties).not.toHaveProperty('LoggingConfig');
  });
});
