/**
 * The environment id the playground's own views call the workspace's services
 * with (state/serviceConsole.ts, the Resources view's contents), as the AWS
 * console calls AWS: the same requests, but the bill counts handlers' only.
 */
export const CONSOLE_ENV_ID = 'console';
