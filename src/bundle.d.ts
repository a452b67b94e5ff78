/** A script bundled into one classic-script string by build/bundleString.ts. */
declare module '*?bundle' {
  const source: string;
  export default source;
}
