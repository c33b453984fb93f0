import { Command } from 'commander';
import { ConfigError } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import { registerCommands } from './commands/index.js';

const program = new Command();
program.name('cepat').description('Cepat — omnichannel public-complaint platform').showHelpAfterError();
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof DomainError) {
    process.stderr.write(`cepat: ${err.message}\n       (${err.messageEn}) [${err.code}]\n`);
    process.exit(1);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`cepat: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
