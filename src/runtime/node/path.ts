/**
 * `path`: `path-browserify`, Node's `path.posix` published for browsers.
 * Lambda runs on Linux, so `path` is `path.posix`; `path.win32` is not here.
 */
import pathBrowserify from 'path-browserify';

const path = pathBrowserify as Record<string, unknown>;
path.posix = path;
export default path;
export const variants = { 'path/posix': path };
