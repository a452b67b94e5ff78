/** `string_decoder`: the `string_decoder` package, Node's own module published for other platforms. */
import { StringDecoder } from 'string_decoder/lib/string_decoder.js';

export { StringDecoder };
export default { StringDecoder };
