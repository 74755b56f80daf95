// Entry point. `--version` and `remind` take short paths that load nothing else, because
// remind runs in every new shell; everything else builds the commander program.
// No static imports: every module loaded here is paid for by each new shell (remind).
// (The build makes one script, dist/app.cjs, where import() becomes a lazy require().)

async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`harmony journal | head -1`) closes the pipe: stop quietly, as
  // cat does, instead of crashing with an EPIPE stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const { VERSION } = await import('./version.js');
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const debug = argv.includes('--debug');
  // Plain `harmony remind` (global flags allowed); --install and --help go through commander.
  const rest = argv.filter((a) => a !== '--debug' && a !== '--no-color');
  if (rest.length === 1 && rest[0] === 'remind') {
    try {
      const { remind } = await import('./remind-fast.js');
      const io = { stdout: process.stdout, stderr: process.stderr, stdoutTTY: Boolean(process.stdout.isTTY), env: process.env };
      return await remind(io, debug, argv.includes('--no-color'));
    } catch (error) {
      if (debug) process.stderr.write(`harmony remind: ${(error as Error).message}\n`);
      return 0; // never fail the shell
    }
  }
  // Plain `harmony sync`: its fetch starts now, while the rest of harmony loads (issue 17).
  const words = rest.filter((a) => a !== '--json' && a !== '--background');
  if (words[0] === 'sync' && (words.length === 1 || (words.length === 2 && words[1] === 'now'))) {
    (await import('./store/sync/early-fetch.js')).startEarlyFetch(process.env, argv.includes('--background'));
  }
  // git runs the merge driver once per file it merges (issue 17): no commander, no settings.
  if (argv[0] === 'merge-driver') {
    const { mergeDriver } = await import('./commands/merge-driver.js');
    return await mergeDriver(argv.slice(1), process.stderr);
  }
  try {
    const { runCli } = await import('./cli.js');
    return await runCli(argv);
  } catch (error) {
    const { report } = await import('./errors.js');
    const { code, message } = report(error, debug);
    process.stderr.write(`harmony: ${message}\n`);
    return code;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
