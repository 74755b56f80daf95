// Build-time stand-in for cli-highlight (see scripts/build.mjs). marked-terminal calls it
// only for fenced code blocks; throwing makes it fall back to its plain `code` style (our
// own chalk, so NO_COLOR still holds). The real one bundles all of highlight.js (~1 MB).
export function highlight() {
  throw new Error('no syntax highlighting in harmony');
}
