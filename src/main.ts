// Entry point. `--version` and `remind` take short paths that load nothing else, because
// remind runs in every new shell; everything else builds the commander program.
import { report } from './errors.js';
import { VERSION } from './version.js';

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const debug = argv.includes('--debug');
  try {
    const { runCli } = await import('./cli.js');
    return await runCli(argv);
  } catch (error) {
    const { code, message } = report(error, debug);
    process.stderr.write(`harmony: ${message}\n`);
    return code;
  }
}

process.exitCode = await main(process.argv.slice(2));
