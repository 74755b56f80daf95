// Drafts for `harmony check` in the bench: a 2,000-character message (the everyday case) and
// 1 MB made of the labelled corpus's messages in a fixed order (many findings: a worst case
// more than a typical paste), both written into the bench's work folder.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const SMALL = `Hi Sam,

Thanks for the update on the move. I know this week has been a lot, and I really appreciate you keeping me posted. The van is booked for Saturday at nine, and my brother can help carry the heavy things in the morning, so we should be done by lunch if the weather holds.

Could you send me the new address so I can sort out the post? I also wondered whether you want the old bookcase; it is yours if you like, otherwise I will take it to the charity shop on Friday.

`;

export function writeDrafts(root, work) {
  const small = join(work, 'draft-2k.txt');
  let text = SMALL;
  while (text.length < 2000) text += 'I hope the new place feels like home soon. Let me know when you want help unpacking, I am free most evenings next week. ';
  writeFileSync(small, text.slice(0, 2000));
  const dir = join(root, 'tests', 'check', 'corpus');
  const messages = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')));
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += `${messages[(i * 7919) % messages.length].text}\n\n`;
  const large = join(work, 'draft-1mb.txt');
  writeFileSync(large, big.slice(0, 1_000_000));
  return { small, large };
}
