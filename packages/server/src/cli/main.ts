import { CITY_HELP, cityCommand } from './city-command.js';
import { IMPORT_HELP, importCommand } from './import-command.js';
import { EXPORT_HELP, exportCommand } from './export-command.js';
import { SIMULATE_HELP, simulateCommand } from './simulate-command.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: gridsweep <command> [options]

Commands:
  city       generate a synthetic city (gridsweep city --help)
  simulate   simulate a sweep morning over a generated city (gridsweep simulate --help)
  import     import areas, buildings or a household roster (gridsweep import --help)
  export     write a daily report or a ledger as XLSX or CSV (gridsweep export --help)
`;

const COMMANDS: Record<string, { run: (args: readonly string[]) => Promise<void>; help: string }> = {
  city: { run: cityCommand, help: CITY_HELP },
  simulate: { run: simulateCommand, help: SIMULATE_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}`);
    await command.run(args);
    // A command that finished with a finding to report (an import with problems) has set its own code.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`gridsweep ${name}: ${error.message}\n(see gridsweep ${command ? `${name} ` : ''}--help)\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
