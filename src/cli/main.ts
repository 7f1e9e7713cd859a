#!/usr/bin/env node
import { UsageError, helpText, parseCommandArgs } from './args.js';
import { COMMANDS } from './registry.js';

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length)) + 2;
  return [
    'vanban — Vietnamese directives and plans as a queryable graph',
    '',
    'Usage: vanban COMMAND [options]     (vanban COMMAND --help for details)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([k, v]) => `  ${k.padEnd(width)}${v.summary}`),
    '',
    'Exit codes: 0 ok, 1 some input failed, 2 usage error.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('vanban 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`vanban: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  const spec = await entry.load();
  try {
    const args = parseCommandArgs(spec, rest);
    if (args.values.help) {
      process.stdout.write(helpText(spec) + '\n');
      return 0;
    }
    return await spec.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`vanban ${name}: ${e.message}\nUsage: ${spec.usage}\n`);
      return 2;
    }
    throw e;
  }
}

// `vanban … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`vanban: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
