// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns rows with
// the line each started on, so errors can name it.
import { ImportFormatError } from './types.js';

export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (cell += '"'), i++;
        else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else if (c === '\n') {
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      rowLine = ++line;
    } else cell += c;
  }
  if (quoted) throw new ImportFormatError(`line ${rowLine}: a quoted field never ends (is the file cut short?).`);
  if (cell !== '' || cells.length > 0) cells.push(cell), rows.push({ cells, line: rowLine });
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}
