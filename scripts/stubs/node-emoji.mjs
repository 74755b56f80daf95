// Build-time stand-in for node-emoji (see scripts/build.mjs). marked-terminal only calls
// get() when its `emoji` option is on, and harmony turns it off (ui/markdown.ts); the real
// one bundles the whole emoji table (~200 KB).
export function get() {
  return undefined;
}
