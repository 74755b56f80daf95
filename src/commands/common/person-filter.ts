// --person NAME on journal and export: the name resolved to an id (a removed person whose
// name is kept still matches, so their past entries can be found).
import type { Context } from '../../context.js';
import type { JournalFilter } from '../../core/journal-query.js';
import { findAnyone } from '../people/find.js';

export async function withPerson(ctx: Context, filter: JournalFilter, typed: string | undefined): Promise<JournalFilter> {
  if (typed === undefined) return filter;
  return { ...filter, person: findAnyone(ctx, await ctx.store().people(), typed, '--person').id };
}
