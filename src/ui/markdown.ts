// Markdown to terminal text with marked + marked-terminal, styled through our own Chalk
// instance so NO_COLOR and --plain are honoured (chalk alone ignores NO_COLOR).
import { stripVTControlCharacters } from 'node:util';
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { makeStyle } from './style.js';

export function renderMarkdown(markdown: string, options: { color: boolean; width: number }): string {
  const { chalk } = makeStyle(options.color);
  const plain = !options.color;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      firstHeading: chalk.bold.magenta,
      heading: chalk.bold.cyan,
      strong: chalk.bold,
      em: chalk.italic,
      codespan: chalk.yellow,
      code: chalk.yellow,
      blockquote: chalk.gray.italic,
      link: chalk.blue,
      href: chalk.blue.underline,
      listitem: (s: string) => s,
      paragraph: (s: string) => s,
      text: (s: string) => s,
      hr: chalk.dim,
      html: chalk.gray,
      showSectionPrefix: plain,
      reflowText: true,
      width: Math.max(40, Math.min(options.width, 90)),
      emoji: false,
      tab: 2,
    }) as never,
  );
  // marked 13+ hands list items a block "text" token whose inline tokens marked-terminal
  // ignores, so **bold** and `code` inside list items lost their styling. Render them.
  marked.use({
    renderer: {
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        return false;
      },
    },
  });
  const out = marked.parse(markdown, { async: false }) as string;
  return plain ? stripVTControlCharacters(out) : out;
}
