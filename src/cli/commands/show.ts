import { type CommandSpec } from '../args.js';

export const showCommand: CommandSpec = {
  name: 'show',
  summary: 'not yet',
  usage: 'vanban show',
  options: {},
  async run() {
    process.stderr.write('not implemented yet\n');
    return 1;
  },
};
