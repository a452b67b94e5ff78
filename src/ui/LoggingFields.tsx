import { APPLICATION_LOG_LEVELS, LOG_FORMATS, loggingOf, SYSTEM_LOG_LEVELS, type FunctionConfig } from '../core/functionConfig';

/**
 * Lambda's logging configuration: the log format, and with JSON the levels
 * below which application and system log events are dropped.
 */
export function LoggingFields({ config, onChange }: { config: FunctionConfig; onChange(patch: Partial<FunctionConfig>): void }) {
  const logging = loggingOf(config);
  const json = logging.logFormat === 'JSON';
  const setFormat = (format: FunctionConfig['logFormat']): void =>
    onChange(format === 'JSON' ? { logFormat: 'JSON', applicationLogLevel: logging.applicationLogLevel, systemLogLevel: logging.systemLogLevel } : { logFormat: 'Text', applicationLogLevel: undefined, systemLogLevel: undefined });
  return (
    <>
      <div className="field">
        <label htmlFor="fn-log-format">Log format</label>
        <select id="fn-log-format" value={logging.logFormat} onChange={(e) => setFormat(e.target.value as FunctionConfig['logFormat'])}>
          {LOG_FORMATS.map((f) => (
            <option key={f} value={f}>{f}</option>
          ))}
        </select>
      </div>
      {json && (
        <div className="field">
          <label htmlFor="fn-app-log-level">Application log level</label>
          <select id="fn-app-log-level" value={logging.applicationLogLevel} onChange={(e) => onChange({ applicationLogLevel: e.target.value as FunctionConfig['applicationLogLevel'] })}>
            {APPLICATION_LOG_LEVELS.map((l) => (
              <option key={l} value={l}>{l}</option>
            ))}
          </select>
        </div>
      )}
      {json && (
        <div className="field">
          <label htmlFor="fn-system-log-level">System log level</label>
          <select id="fn-system-log-level" value={logging.systemLogLevel} onChange={(e) => onChange({ systemLogLevel: e.target.value as FunctionConfig['systemLogLevel'] })}>
            {SYSTEM_LOG_LEVELS.map((l) => (
              <option key={l} value={l}>{l}</option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
