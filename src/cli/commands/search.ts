import { type CommandSpec } from '../args.js';

export const searchCommand: CommandSpec = {
  name: 'search',
  summary: 'not yet',
  usage: 'vanban search',
  options: {},
  async run() {
    process.stderr.write('not implemented yet\n');
    return 1;
  },
};
