/** Share links' base64url, from the core's one codec (codec.ts); kept at this path for the app's imports. */
export { base64urlDecode, base64urlEncode } from '../codec';
