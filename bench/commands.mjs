// What the bench runs, and the budgets it checks (issue 7).
// `probe`: [command path, ...flags]: `harmony <path> --help` must show the path's own usage
// line and every flag; anything else means the command is not there (yet): "n/a".

export const ANSWER = 'I put the phone away during our call and listened instead of half-reading other chats.';

/** `save: true` commands write; each invocation gets its own day (see run.mjs). */
export const COMMANDS = [
  { name: '--version', args: ['--version'], anyStore: true },
  { name: '--help', args: ['--help'], anyStore: true },
  // enc: the encrypted copies of the 10-year store it also runs on (issue 18): 10y-locked (no
  // key at hand: what every save and the reminder see) and 10y-open (after harmony unlock).
  { name: 'remind', args: ['remind'], probe: ['remind'], enc: ['10y-locked'] },
  { name: 'unlock', args: (m) => ['unlock', '--passphrase-file', m.passFile], probe: ['unlock', '--passphrase-file'], only: ['10y-open'] },
  { name: 'lessons', args: ['lessons'], probe: ['lessons'] },
  { name: 'learn', args: ['learn', 'trust', '--plain'], probe: ['learn', '--plain'] },
  { name: 'journal --search', args: (m) => ['journal', '--search', m.searchTerm], probe: ['journal list', '--search'], enc: ['10y-open'] },
  { name: 'stats', args: ['stats'], probe: ['stats'], enc: ['10y-open'] },
  { name: 'people --due', args: ['people', '--due'], probe: ['people list', '--due'], enc: ['10y-open'] },
  { name: 'export md', args: ['export', '--format', 'md'], probe: ['export', '--format'] },
  // The weekly review's figures (last week's entries, the follow-ups after them, its quiz log).
  { name: 'review', args: ['review', '--week', 'last', '--json'], probe: ['review', '--week', '--json'] },
  // harmony check reads a draft and never touches the store; exit 4 (a warn-level note) is a
  // normal result, not a failure. Drafts: bench/drafts.mjs.
  { name: 'check', args: (m) => ['check', m.drafts.small], anyStore: true, okExit: [0, 4], probe: ['check', '--format'] },
  { name: 'check 1MB', args: (m) => ['check', m.drafts.large], anyStore: true, okExit: [0, 4], probe: ['check', '--format'] },
  {
    name: 'checkin save',
    save: true,
    args: ['checkin', '--mood', '4', '--principle', 'trust', '--answer', ANSWER, '--intention', 'Reply properly to one message today.'],
    probe: ['checkin', '--mood', '--principle', '--answer'],
    enc: ['10y-locked', '10y-open'],
  },
  {
    name: 'reflect save',
    save: true,
    args: ['reflect', 'trust', '--answer', ANSWER, '--answer', ANSWER, '--answer', ANSWER, '--commitment', 'Say when I will reply.'],
    probe: ['reflect', '--answer', '--commitment'],
  },
];

/**
 * kind: ratio = median time ratio to node -e 0; ms = median milliseconds; mem = peak memory
 * ratio; growth = save time (normalised by node in the same run) at `store` over `from`.
 */
export const BUDGETS = [
  { command: 'remind', store: '10y', kind: 'ratio', max: 1.3 },
  { command: 'people --due', store: '10y', kind: 'ratio', max: 2 },
  { command: '--version', store: 'any', kind: 'ratio', max: 1.5 },
  { command: '--help', store: 'any', kind: 'ratio', max: 1.5 },
  { command: 'checkin save', store: '10y', kind: 'ratio', max: 2 },
  { command: 'stats', store: '10y', kind: 'ratio', max: 2.5 },
  { command: 'journal --search', store: '10y', kind: 'ratio', max: 2.5 },
  { command: 'export md', store: '10y', kind: 'ratio', max: 2.5 },
  { command: 'learn', store: '10y', kind: 'ratio', max: 3 },
  { command: 'review', store: '10y', kind: 'ratio', max: 2.5 },
  { command: 'export md', store: '100k', kind: 'ms', max: 2000 },
  { command: 'checkin save', store: '10y', from: 'empty', kind: 'growth', max: 1.2 },
  { command: 'remind', store: '10y', kind: 'mem', max: 1.5 },
  { command: 'check', store: 'any', kind: 'ratio', max: 2.5 },
  { command: 'check 1MB', store: 'any', kind: 'ms', max: 3000 },
  // Encryption at rest (issue 18): the daily save locked and unlocked, reading unlocked, the
  // reminder locked, against the same 10-year store in plaintext; unlock (scrypt, 2^18) itself.
  { command: 'checkin save', store: '10y-locked', from: '10y', kind: 'growth', max: 1.2 },
  { command: 'checkin save', store: '10y-open', from: '10y', kind: 'growth', max: 1.2 },
  { command: 'journal --search', store: '10y-open', from: '10y', kind: 'growth', max: 1.3 },
  { command: 'stats', store: '10y-open', from: '10y', kind: 'growth', max: 1.3 },
  { command: 'remind', store: '10y-locked', from: '10y', kind: 'growth', max: 1.05 },
  { command: 'unlock', store: '10y-open', kind: 'ms', max: 1500 },
];

export function budgetLabel(b) {
  if (b.kind === 'ratio') return `${b.command} @${b.store} <= ${b.max}x node`;
  if (b.kind === 'ms') return `${b.command} @${b.store} < ${b.max} ms`;
  if (b.kind === 'mem') return `${b.command} @${b.store} peak memory <= ${b.max}x node`;
  if (b.kind === 'git') return `${b.command} of one new entry <= ${b.max}x its git commands`;
  return `${b.command} @${b.store} within ${b.max}x of @${b.from}`;
}
