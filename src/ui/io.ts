// One I/O object handed to every command: streams, whether each is a terminal, colour on/off.
// Tests use createTestIO() to capture output and choose TTY-ness.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { isatty } from 'node:tty';

export interface IO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  stdinTTY: boolean;
  /** Colour on stdout. */
  color: boolean;
  columns: number;
  env: NodeJS.ProcessEnv;
  /** True when prompts can be answered: stdin and stdout are terminals. */
  readonly interactive: boolean;
}

/**
 * Colour rules (clig.dev, no-color.org): flag > NO_COLOR > TERM=dumb > the `color` setting
 * (always/never) > FORCE_COLOR > TTY.
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean, flag?: boolean, setting: 'auto' | 'always' | 'never' = 'auto'): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (setting !== 'auto') return setting === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

export function processIO(colorFlag?: boolean, colorSetting?: 'auto' | 'always' | 'never'): IO {
  const stdoutTTY = Boolean(process.stdout.isTTY);
  // process.stdin is made on first access (a pipe or file stream, ~2 ms when stdin is not a
  // terminal): most commands never read it, so ask the descriptor and make the stream only
  // when a prompt or `import -` reads it. isatty(0) is the test Node's own stdin.isTTY uses.
  const stdinTTY = isatty(0);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin(): Readable {
      return process.stdin;
    },
    stdoutTTY,
    stderrTTY: Boolean(process.stderr.isTTY),
    stdinTTY,
    color: wantsColor(process.env, stdoutTTY, colorFlag, colorSetting),
    columns: process.stdout.columns || 80,
    env: process.env,
    interactive: stdinTTY && stdoutTTY,
  };
}

export interface TestIO extends IO {
  out(): string;
  err(): string;
}

export function createTestIO(options: Partial<Pick<IO, 'stdoutTTY' | 'stdinTTY' | 'color' | 'columns' | 'env'>> = {}): TestIO {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => into.push(chunk.toString()));
    // Capture synchronously too, so a test can read output right after a write.
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(chunk.toString());
      return write(chunk, ...(rest as []));
    }) as typeof stream.write;
    stream.removeAllListeners('data');
    stream.resume();
    return stream;
  };
  const stdinTTY = options.stdinTTY ?? false;
  const stdoutTTY = options.stdoutTTY ?? false;
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    stdin: new PassThrough(),
    stdoutTTY,
    stderrTTY: stdoutTTY,
    stdinTTY,
    color: options.color ?? false,
    columns: options.columns ?? 80,
    env: options.env ?? {},
    interactive: stdinTTY && stdoutTTY,
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}
