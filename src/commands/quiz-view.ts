// How the quiz looks on a terminal: questions, feedback after each answer, the summary.
import type { Question } from '../content/types.js';
import type { DueSummary } from '../core/mastery.js';
import { whenText } from '../core/mastery.js';
import { PRINCIPLES, principleTitle, type PrincipleId } from '../core/principles.js';
import type { Graded } from '../core/quiz-grade.js';
import { letter } from '../core/quiz-grade.js';
import type { AskedQuestion } from '../core/quiz-select.js';
import type { LocalDate } from '../core/dates.js';
import type { Style } from '../ui/style.js';
import { safeText } from '../core/safe.js';

/** Word-wraps a paragraph, every line indented. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of safeText(text).split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

const KIND_HINT: Record<Question['kind'], string> = {
  single: 'pick one',
  truefalse: 'true or false',
  multi: 'pick all that apply',
};

export function choiceLabel(asked: AskedQuestion, position: number): string {
  return `${letter(position)}) ${asked.question.choices[asked.order[position]!]!.text}`;
}

export function questionText(s: Style, asked: AskedQuestion, number: number, total: number, width: number): string {
  const q = asked.question;
  const head = s.heading(`Question ${number} of ${total}`) + s.muted(` · ${principleTitle(q.principle)} · ${KIND_HINT[q.kind]}`);
  return `\n${head}\n${wrap(q.prompt, width)}`;
}

export function choicesText(asked: AskedQuestion, width: number): string {
  // Hanging indent, so a long choice stays readable under its letter.
  const hang = (text: string) => wrap(text, width - 5).split('\n').map((l, i) => (i === 0 ? '  ' : '     ') + l).join('\n');
  return asked.order.map((_, p) => hang(choiceLabel(asked, p))).join('\n');
}

export function feedbackText(s: Style, asked: AskedQuestion, graded: Graded, width: number): string {
  const q = asked.question;
  const why = (p: number) => q.choices[asked.order[p]!]!.why;
  // Wrap plain text first, then colour the label: wrap() makes escape codes visible.
  const reason = (label: string, p: number) =>
    [wrap(`${label} ${choiceLabel(asked, p)}`, width).replace(label, s.warning(label)), wrap(why(p), width, '  ')].join('\n');
  const out: string[] = [];
  if (graded.correct) out.push(s.success('✓ Right.'));
  else {
    const list = (letters: string) => [...letters].join(', ') || 'nothing';
    out.push(`${s.error('✗ Not quite.')} You picked ${list(graded.given)}; the answer is ${list(graded.answer)}.`);
    for (const p of graded.wrongPicks) out.push(reason('Why not', p));
    const rightLabel = q.kind === 'multi' ? 'Also right:' : 'Why';
    for (const p of graded.missed) out.push(reason(rightLabel, p));
  }
  out.push(wrap(q.explanation, width));
  out.push(s.muted(`Read more: harmony learn ${q.principle} → "${q.section}"`));
  return out.join('\n');
}

function bar(value: number, width = 10): string {
  const full = Math.round(value * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export function masteryText(s: Style, scores: Record<PrincipleId, number>): string {
  const pad = Math.max(...PRINCIPLES.map((p) => p.title.length));
  return PRINCIPLES.map((p) => `  ${p.title.padEnd(pad)}  ${s.accent(bar(scores[p.id]))} ${String(Math.round(scores[p.id] * 100)).padStart(3)}%`).join('\n');
}

export function dueText(due: DueSummary, today: LocalDate): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  parts.push(due.now > 0 ? `${plural(due.now, 'question')} due now (harmony quiz --review).` : 'Nothing due right now.');
  if (due.next) parts.push(`Next: ${plural(due.next.count, 'question')} due ${whenText(due.next.day, today)}.`);
  if (due.missed > 0) parts.push(`${plural(due.missed, 'missed question')} will come first in your next quiz.`);
  return parts.join(' ');
}
