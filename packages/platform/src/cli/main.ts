/**
 * The `fanzha` command line. Each sub-command lives in its own file under `commands/` and registers
 * itself on the program; this file only assembles them and turns failures into a clear message and a
 * non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';

const program = new Command('fanzha')
  .description('fanzha (反诈): anti-fraud center platform — server, store and tools')
  .showHelpAfterError()
  .exitOverride();

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`fanzha: ${message}\n`);
  process.exit(1);
}
