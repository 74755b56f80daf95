// Shell completion, derived from the commander program so new commands and options are
// covered without touching this file. The walk turns the program into plain tables; the
// scripts (core/completion-scripts.ts) are small engines that read those tables.
import type { Command } from 'commander';
import { PRINCIPLE_IDS } from './principles.js';

/** Values a word can take: fixed words, or files ('@files'). */
export type Values = string[] | '@files';

export interface Item {
  name: string;
  description: string;
}

export interface Node {
  /** Command path joined with '_', e.g. harmony_config_set. */
  key: string;
  subcommands: Item[];
  options: Item[];
  /** Option flag -> what its value can be ([] when free text). */
  valueOptions: Record<string, Values>;
  /** What each positional argument can be; the last repeats when variadic. */
  args: Values[];
  variadic: boolean;
}

const WORD = /^[\w.:@+-]+$/;
const FILEISH = /file|path|dir|out/i;

function valuesFor(name: string, choices: readonly string[] | undefined): Values {
  if (choices && choices.length > 0) return choices.filter((c) => WORD.test(c));
  if (/principle/i.test(name)) return [...PRINCIPLE_IDS];
  if (FILEISH.test(name)) return '@files';
  return [];
}

/** Flattens the program into one Node per command, parents first. */
export function completionTree(program: Command): Node[] {
  const help = program.createHelp();
  const globals = program.options.filter((o) => !o.hidden && o.long !== '--version');
  const nodes: Node[] = [];
  const visit = (cmd: Command, key: string) => {
    const subs = help.visibleCommands(cmd).filter((c) => WORD.test(c.name()));
    // A default subcommand (`journal` = `journal list`) lends its options and arguments to
    // the parent, since they can be typed there. commander keeps its name in a private field.
    const defaultName = (cmd as unknown as { _defaultCommandName?: string })._defaultCommandName;
    const fallback = subs.find((c) => c.name() === defaultName);
    const options = [...help.visibleOptions(cmd), ...(fallback ? fallback.options.filter((o) => !o.hidden) : []), ...(cmd === program ? [] : globals)];
    const node: Node = {
      key,
      subcommands: subs.map((c) => ({ name: c.name(), description: c.description() })),
      options: [],
      valueOptions: {},
      args: [],
      variadic: false,
    };
    const seen = new Set<string>();
    for (const o of options) {
      for (const flag of [o.short, o.long]) {
        if (!flag || seen.has(flag)) continue;
        seen.add(flag);
        node.options.push({ name: flag, description: o.description });
        if (o.required) {
          const placeholder = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? '';
          node.valueOptions[flag] = valuesFor(`${o.attributeName()} ${placeholder}`, o.argChoices);
        }
      }
    }
    for (const a of (fallback ?? cmd).registeredArguments) {
      node.args.push(valuesFor(a.name(), a.argChoices));
      node.variadic = a.variadic;
    }
    nodes.push(node);
    for (const sub of subs) {
      // commander's implicit `help [command]` completes its siblings' names.
      if (sub.name() === 'help' && !cmd.commands.includes(sub)) {
        nodes.push({ key: `${key}_help`, subcommands: [], options: [], valueOptions: {}, args: [subs.map((c) => c.name()).filter((n) => n !== 'help')], variadic: false });
        continue;
      }
      visit(sub, `${key}_${sub.name()}`);
    }
  };
  visit(program, program.name());
  return nodes;
}

/** Values for the positional argument at index n (0-based), or []. */
export function argValues(node: Node, n: number): Values {
  if (n < node.args.length) return node.args[n]!;
  return node.variadic && node.args.length > 0 ? node.args[node.args.length - 1]! : [];
}
