import type { Command } from 'commander';
import { registerApiKey } from './apikey.js';
import { registerCdr } from './cdr.js';
import { registerDomain } from './domain.js';
import { registerIntel } from './intel.js';
import { registerMigrate } from './migrate.js';
import { registerNumber } from './number.js';
import { registerScreen } from './screen.js';
import { registerScreenNode } from './screen-node.js';
import { registerSeed } from './seed.js';
import { registerSim } from './sim.js';
import { registerSms } from './sms.js';
import { registerStart } from './start.js';
import { registerUnits } from './units.js';
import { registerUser } from './user.js';

/** Every sub-command of `fanzha`, each registering itself on the program. Add new commands here. */
export const commands: Array<(program: Command) => void> = [
  registerStart,
  registerMigrate,
  registerSeed,
  registerUser,
  registerUnits,
  registerApiKey,
  registerScreenNode,
  registerIntel,
  registerScreen,
  registerNumber,
  registerSms,
  registerDomain,
  registerCdr,
  registerSim,
];
