/** A Python source file, as text (the runtime's own module; build/bundleString.ts and vite.config.ts load `.py` as text). */
declare module '*.py' {
  const source: string;
  export default source;
}
