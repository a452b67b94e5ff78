/** `fs/promises`: the promise forms of fs.ts, the very object `fs.promises` is. */
import { fsPromises } from './fs';

export default fsPromises;
