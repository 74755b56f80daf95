// The shell snippets `harmony remind --install bash|zsh|fish` prints. Each reads today's
// line(s) from the reminder cache (format: core/remind-cache.ts) with the shell's own
// builtins, so a new terminal starts no program at all in bash and zsh (fish has no clock
// builtin: one `date`). Whenever the file cannot answer (missing, unreadable, another
// version, not reaching today, a shell too old for the clock builtins), the snippet runs
// `harmony remind`, which prints the same line and rebuilds the file.
//
// What every snippet does, like remind-fast.ts:
// - the data folder: HARMONY_HOME, else $XDG_CONFIG_HOME/harmony (absolute only), else ~/.config/harmony;
// - the practice day: the local date, or the day before when the hour is below dayStartHour
//   (bash and zsh step back to about noon of the day before, which no clock change can move
//   across midnight; fish takes the line before, as the file has one line a day);
// - colour as src/ui/io.ts wantsColor decides it: never with NO_COLOR or TERM=dumb, then the
//   color setting (always, never), then FORCE_COLOR, then whether stdout is a terminal;
// - never fails the shell: no output on stderr, status 0, under set -e, set -u or any IFS.
import { REMIND_CACHE_VERSION } from './remind-cache.js';

export const SNIPPET_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type SnippetShell = (typeof SNIPPET_SHELLS)[number];

const CACHE = 'remind-cache.txt';
const V = String(REMIND_CACHE_VERSION);

// bash 5+ (EPOCHSECONDS, printf %(...)T). `|| :` keeps set -e out of the function's body, and
// the last line's status is 0 even in a shell that is not interactive (a .bashrc under set -e).
const bash = `# harmony: a check-in reminder in each new shell, read from a file harmony keeps up to date
# (no program starts; when the file cannot answer, \`harmony remind\` does). Remove to turn off.
_harmony_remind() {
  local IFS=$'\\t' f t h d k v dsh col a fmt='%.0s%s\\n'
  f=\${XDG_CONFIG_HOME-}; [[ $f == /* ]] || f=\${HOME-}/.config
  f=\${HARMONY_HOME:-$f/harmony}/${CACHE} t=\${EPOCHSECONDS-}
  [[ -n $t && $t != *[!0-9]* && -f $f && -r $f ]] && {
    read -r k v dsh col && [[ $k == harmony-remind && $v == ${V} && $dsh == [0-6] ]] && {
      printf -v h '%(%H)T' "$t"
      (( 10#$h < dsh )) && t=$(( t - (10#$h + 12) * 3600 ))  # before dayStartHour: yesterday
      printf -v d '%(%Y-%m-%d)T' "$t"
      if [[ -n \${NO_COLOR-} || \${TERM-} == dumb || $col == never ]]; then :
      elif [[ $col == always || -n \${FORCE_COLOR+x} && $FORCE_COLOR != 0 && $FORCE_COLOR != false ||
              -z \${FORCE_COLOR+x} && -t 1 ]]; then fmt='\\033[%sm%s\\033[0m\\n'; fi
      while read -r -a a; do
        [[ \${a[0]-} == "$d" ]] || continue
        (( \${#a[@]} < 3 )) || printf "$fmt" "\${a[@]:1}"
        return 0
      done
    }
  } 2>/dev/null < "$f"
  command -v harmony >/dev/null && harmony remind
  return 0
}
if [[ $- == *i* ]]; then _harmony_remind || :; fi
`;

// zsh/datetime gives EPOCHSECONDS and strftime; emulate -L resets the user's options inside.
const zsh = `# harmony: a check-in reminder in each new shell, read from a file harmony keeps up to date
# (no program starts; when the file cannot answer, \`harmony remind\` does). Remove to turn off.
_harmony_remind() {
  emulate -L zsh
  local IFS=$'\\t' f t h d k v dsh col fmt='%.0s%s\\n'
  local -a a
  f=\${XDG_CONFIG_HOME-}; [[ $f == /* ]] || f=$HOME/.config
  f=\${HARMONY_HOME:-$f/harmony}/${CACHE}
  [[ -f $f && -r $f ]] && zmodload zsh/datetime 2>/dev/null && t=$EPOCHSECONDS && {
    read -r k v dsh col && [[ $k == harmony-remind && $v == ${V} && $dsh == [0-6] ]] && {
      strftime -s h %H $t
      (( 10#$h < dsh )) && (( t -= (10#$h + 12) * 3600 ))  # before dayStartHour: yesterday
      strftime -s d %Y-%m-%d $t
      if [[ -n \${NO_COLOR-} || \${TERM-} == dumb || $col == never ]]; then :
      elif [[ $col == always || -n \${FORCE_COLOR+x} && $FORCE_COLOR != 0 && $FORCE_COLOR != false ||
              -z \${FORCE_COLOR+x} && -t 1 ]]; then fmt='\\033[%sm%s\\033[0m\\n'; fi
      while read -rA a; do
        [[ \${a[1]-} == "$d" ]] || continue
        (( $#a < 3 )) || printf $fmt "\${(@)a[2,-1]}"
        return 0
      done
    }
  } 2>/dev/null < $f
  (( $+commands[harmony] )) && harmony remind
  return 0
}
_harmony_remind || :
`;

// fish has no clock builtin: one \`date\`. It reads the whole file at once (read -z), so a
// last line without its line break (a torn write) is left out; before dayStartHour it takes
// the line before today's.
const fish = `# harmony: a check-in reminder in each new shell, read from a file harmony keeps up to date
# (one \`date\` runs; when the file cannot answer, \`harmony remind\` does). Remove to turn off.
function _harmony_remind
    set -l f $HARMONY_HOME/${CACHE}
    string match -q '/*' -- "$XDG_CONFIG_HOME"; and set -l x $XDG_CONFIG_HOME; or set -l x $HOME/.config
    test -n "$HARMONY_HOME"; or set f $x/harmony/${CACHE}
    test -f $f -a -r $f; and read -z -l all < $f 2>/dev/null; and set -l now (command date '+%H%n%Y-%m-%d' 2>/dev/null)
    set -l lines (string split \\n -- "$all") # the last one is empty, unless the write was torn
    set -l head (string split \\t -- "$lines[1]")
    if set -q now[2] lines[3]; and test "$head[1]" = harmony-remind -a "$head[2]" = ${V}; and string match -qr '^[0-6]$' -- "$head[3]"
        set -l prev; set -l fmt '%.0s%s\\n'; set -l on '\\e[%sm%s\\e[0m\\n'
        if test -n "$NO_COLOR" -o "$TERM" = dumb -o "$head[4]" = never
        else if test "$head[4]" = always
            set fmt $on
        else if set -q FORCE_COLOR
            contains -- "$FORCE_COLOR" 0 false; or set fmt $on
        else if test -t 1
            set fmt $on
        end
        for line in $lines[2..-2]
            set -l a (string split \\t -- $line)
            test "$a[1]" = $now[2]; or begin; set prev $a; continue; end
            test $now[1] -lt $head[3]; and set a $prev # before dayStartHour: yesterday
            set -q a[1]; or break
            set -q a[3]; and printf $fmt $a[2..-1]
            return 0
        end
    end
    type -q harmony; and harmony remind
    return 0
end
if status is-interactive; _harmony_remind; end
`;

const SNIPPETS: Record<SnippetShell, string> = { bash, zsh, fish };

export function remindSnippet(shell: SnippetShell): string {
  return SNIPPETS[shell];
}
