// retext-english parses a long unbroken paragraph in more than linear time (a 1 MB paste
// without line breaks took ~6 s of parsing alone). So the draft is parsed in pieces of a few
// thousand characters, cut at line breaks where possible, else after a sentence end, else at a
// space; each piece's positions are shifted to the whole draft and the paragraphs joined into
// one tree. Drafts of a normal size are one piece, parsed as they are.
import type { Root } from 'nlcst';
import type { Processor } from 'unified';

const PIECE = 2000;

function cut(text: string, from: number): number {
  const limit = from + PIECE;
  if (limit >= text.length) return text.length;
  const window = text.slice(from + PIECE / 2, limit);
  for (const re of [/\n[ \t]*\n(?=[^\n]*$)/, /\n(?=[^\n]*$)/, /[.!?]["')\]]*\s(?=[^.!?]*$)/, /\s(?=\S*$)/]) {
    const m = re.exec(window);
    if (m) return from + PIECE / 2 + m.index + m[0].length;
  }
  return limit;
}

interface Positioned {
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: Positioned[];
}

// retext-equality searches each paragraph node separately, rebuilding its index of ~1,000
// phrases every time: a draft of many short lines paid for each line. One paragraph node per
// piece keeps that to a handful (paragraphs proper are found from blank lines, draft.ts).
function onePargraph(root: Root): Root {
  const first = root.children.find((c) => c.type === 'ParagraphNode');
  if (!first || first.type !== 'ParagraphNode') return root;
  const start = root.children.indexOf(first);
  const merged: typeof first = { type: 'ParagraphNode', children: [], position: first.position ? { start: first.position.start, end: root.position?.end ?? first.position.end } : undefined };
  for (const c of root.children.slice(start)) {
    if (c.type === 'ParagraphNode') merged.children.push(...c.children);
    else if (c.type === 'WhiteSpaceNode') merged.children.push(c);
  }
  const last = root.children.filter((c) => c.type === 'ParagraphNode').at(-1);
  if (merged.position && last?.position) merged.position.end = last.position.end;
  root.children = [...root.children.slice(0, start), merged];
  return root;
}

export function parseDraft(parser: Processor<Root>, masked: string): Root {
  if (masked.length <= PIECE) return onePargraph(parser.parse(masked));
  const root: Root = { type: 'RootNode', children: [] };
  let line = 1;
  let column = 1;
  for (let from = 0; from < masked.length; ) {
    const to = cut(masked, from);
    const piece = onePargraph(parser.parse(masked.slice(from, to)));
    // New points for every leaf (the parser shares point objects between nodes, so shifting
    // them in place would move some twice); a parent spans its first to its last child.
    const moved = (p: { line: number; column: number; offset?: number }) => ({
      line: p.line + line - 1,
      column: p.line === 1 ? p.column + column - 1 : p.column,
      offset: p.offset === undefined ? undefined : p.offset + from,
    });
    const place = (node: Positioned): void => {
      if (node.children && node.children.length) {
        for (const c of node.children) place(c);
        node.position = { start: node.children[0]!.position!.start, end: node.children.at(-1)!.position!.end };
      } else if (node.position) node.position = { start: moved(node.position.start), end: moved(node.position.end) };
    };
    for (const c of piece.children as Positioned[]) place(c);
    root.children.push(...piece.children);
    // Where the next piece starts, as line and column.
    const text = masked.slice(from, to);
    const breaks = text.split('\n').length - 1;
    if (breaks) {
      line += breaks;
      column = to - masked.lastIndexOf('\n', to - 1);
    } else column += to - from;
    from = to;
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line, column, offset: masked.length } };
  return root;
}
