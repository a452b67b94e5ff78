/** `stream/promises`: readable-stream's promise forms of pipeline and finished. */
import { stream } from './stream';

export default stream.promises;
