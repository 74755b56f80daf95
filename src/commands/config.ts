// harmony config list | get KEY | set KEY VALUE (config path lives in config-path.ts).
import type { Context } from '../context.js';
import { SETTING_HELP, SETTING_KEYS, parseSettingValue, resolveSettingKey, settingsData, showSetting } from '../core/config.js';
import { safeText } from '../core/safe.js';
import { UsageError } from '../errors.js';
import { print, printJson, styleFor } from '../ui/style.js';

export async function list(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const settings = ctx.store().settings();
  if (opts.json) return printJson(ctx.io, settingsData(settings));
  const s = styleFor(ctx.io);
  const width = Math.max(...SETTING_KEYS.map((k) => k.length));
  const values = SETTING_KEYS.map((key) => safeText(showSetting(settings, key)));
  const valueWidth = Math.max(9, ...values.map((v) => v.length));
  const lines = SETTING_KEYS.map((key, i) => {
    const value = values[i]!;
    const shown = value === '' ? s.muted('(not set)'.padEnd(valueWidth)) : s.bold(value.padEnd(valueWidth));
    return `${key.padEnd(width)}  ${shown}  ${s.muted(SETTING_HELP[key])}`;
  });
  print(ctx.io, ...lines, '', s.muted(`Change one: harmony config set KEY VALUE   (files: ${ctx.store().path('config.json')}; this machine's editor, color, reminder, autoSync: device.json)`));
}

export async function get(ctx: Context, key: string, opts: { json?: boolean }): Promise<void> {
  const k = resolveSettingKey(key);
  const settings = ctx.store().settings();
  if (opts.json) return printJson(ctx.io, settingsData(settings)[k]);
  print(ctx.io, safeText(showSetting(settings, k)));
}

export async function set(ctx: Context, key: string, value: string): Promise<void> {
  const k = resolveSettingKey(key);
  const parsed = parseSettingValue(k, value);
  const store = ctx.store();
  if (k === 'name' && parsed !== undefined && store.vault.encrypted) {
    throw new UsageError('Your journal is encrypted and config.json is not: harmony keeps no name there while encryption is on.');
  }
  // Only `set` writes: list and get need not load conf and its validator (~300 KB).
  const { saveSetting } = await import('../store/settings-write.js');
  await saveSetting(store, k, parsed);
  const shown = showSetting(store.settings(), k);
  print(ctx.io, shown === '' ? `Cleared ${k}.` : `Set ${k} to ${safeText(shown)}.`);
  if (k === 'autoSync' && parsed === true) {
    const { gitDirOf } = await import('../store/sync/repo.js');
    if (!gitDirOf(store.home)) print(ctx.io, 'This journal does not sync yet, so nothing will run until it does: harmony sync init (or harmony sync clone URL).');
  }
}

export const run = list;
