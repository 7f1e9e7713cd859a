import { type CommandSpec } from '../args.js';

export const demoCommand: CommandSpec = {
  name: 'demo',
  summary: 'not yet',
  usage: 'vanban demo',
  options: {},
  async run() {
    process.stderr.write('not implemented yet\n');
    return 1;
  },
};
