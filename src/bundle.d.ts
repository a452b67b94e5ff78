/** A script bundled into one classic-script string by build/bundleString.ts. */
declare module '*?bundle' {
  const source: string;
  export default source;
}

/** A Node.js built-in of src/runtime/node bundled by build/bundleString.ts: its registering script and the built-ins it requires. */
declare module '*?builtin' {
  const builtin: { source: string; deps: string[] };
  export default builtin;
}
