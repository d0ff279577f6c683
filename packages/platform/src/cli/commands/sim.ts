/**
 * `fanzha sim`: runs the province simulator (@fanzha/sim) against a platform. With `--url` it drives
 * that platform; without, it starts one in this process (PGlite in memory, the in-process bus, the
 * demo org tree, users and lists) and drives it over HTTP like any other. The simulator only ever
 * talks HTTP; this command only wires it up and prints its figures.
 */
import { writeFile } from 'node:fs/promises';
import { HttpPlatformClient, runSimulation, type SimReport } from '@fanzha/sim';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DEMO_PASSWORD } from '../../demo/accounts.js';
import { startPlatform, type RunningPlatform } from '../../server.js';

interface SimCommandOptions {
  url?: string;
  apiKey?: string;
  user: string;
  password: string;
  analyst: string;
  officer: string;
  seed: number;
  hours: number;
  start?: string;
  speed: number | 'max';
  population?: number;
  victimsPerDay?: number;
  tick: number;
  report: 'json' | 'text';
  truth?: string;
  unlessHistory?: boolean;
  progressHours: number;
  quiet?: boolean;
  cdrShare: number;
}

const positive = (value: string) => {
  const number = Number(value);
  if (!(number > 0) || !Number.isFinite(number)) throw new InvalidArgumentError('must be a positive number');
  return number;
};
const wholeNumber = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('must be a whole number');
  return number;
};
const speed = (value: string) => (value === 'max' ? 'max' : positive(value));

export function registerSim(program: Command): void {
  program
    .command('sim')
    .description(
      "simulate a province's day (people, fraud gangs, victims, partners, officers) against a platform and score it against the ground truth",
    )
    .option('--url <url>', 'the platform to drive (default: start one in this process)')
    .option('--api-key <key>', 'API key with the scopes events and screen (default: created as --user)')
    .option('--user <username>', 'admin user: reads the org tree, creates the API key', 'province-admin')
    .option('--password <password>', 'password of the users', DEMO_PASSWORD)
    .option(
      '--analyst <username>',
      'analyst user: lists the gangs’ known numbers, domains, accounts',
      'province-analyst',
    )
    .option('--officer <username>', 'officer user: works the warnings', 'province-officer')
    .option('--seed <n>', 'seed of the generated world', wholeNumber, 1)
    .option('--hours <h>', 'simulated hours', positive, 24)
    .option('--start <iso>', 'start of the simulated period (default: now minus --hours)')
    .option('--speed <n|max>', 'simulated seconds per second, or max', speed, 'max')
    .option('--population <n>', 'people in the province (default 30000)', wholeNumber)
    .option('--victims-per-day <n>', 'expected victims per simulated day (default 150)', positive)
    .option('--tick <seconds>', 'simulated seconds per step', positive, 60)
    .option('--report <format>', 'json: one line of figures on stdout; text: a table', 'text')
    .option('--truth <file>', 'write the ground truth (plan, victims’ outcomes, figures) as JSON')
    .option('--unless-history', 'do nothing when the platform already holds warnings (the demo start)')
    .option(
      '--cdr-share <share>',
      'share of numbers whose carrier posts CDRs (caller behaviour; 0: none)',
      (value: string) => {
        const share = Number(value);
        if (!(share >= 0 && share <= 1)) throw new InvalidArgumentError('must be a number from 0 to 1');
        return share;
      },
      1,
    )
    .option('--progress-hours <h>', 'simulated hours between progress lines on stderr', positive, 1)
    .option('--quiet', 'no progress on stderr')
    .action(async (options: SimCommandOptions) => {
      if (options.report !== 'json' && options.report !== 'text') throw new Error('--report is json or text');
      const start = options.start ? Date.parse(options.start) : Date.now() - options.hours * 3_600_000;
      if (Number.isNaN(start)) throw new Error('--start must be an ISO 8601 time');
      if (options.speed === 'max' && start + options.hours * 3_600_000 > Date.now() + 5 * 60_000)
        throw new Error(
          'at --speed max the simulated period must end by now: the platform rejects events from the future',
        );
      const progress = options.quiet ? () => {} : (line: string) => process.stderr.write(`sim: ${line}\n`);
      const embedded = options.url ? null : await startEmbeddedPlatform();
      try {
        const url = options.url ?? embedded!.url;
        if (embedded) progress(`started an embedded platform at ${url} (PGlite in memory)`);
        const client = new HttpPlatformClient({
          url,
          ...(options.apiKey ? { apiKey: options.apiKey } : {}),
          admin: { username: options.user, password: options.password },
          analyst: { username: options.analyst, password: options.password },
          officer: { username: options.officer, password: options.password },
        });
        if (options.unlessHistory) {
          const existing = await client.warningCount();
          if (existing) {
            progress(`the platform already holds ${existing} warnings: no history simulated`);
            return;
          }
        }
        const result = await runSimulation({
          client,
          seed: options.seed,
          start,
          hours: options.hours,
          speed: options.speed,
          tickSeconds: options.tick,
          ...(options.population !== undefined ? { population: options.population } : {}),
          ...(options.victimsPerDay !== undefined ? { victimsPerDay: options.victimsPerDay } : {}),
          log: progress,
          progressHours: options.progressHours,
          cdrShare: options.cdrShare,
        });
        if (options.truth) {
          await writeFile(options.truth, JSON.stringify(result));
          progress(`ground truth written to ${options.truth}`);
        }
        process.stdout.write(
          options.report === 'json' ? `${JSON.stringify(result.report)}\n` : reportTable(result.report),
        );
      } finally {
        await embedded?.close();
      }
    });
}

/** A platform in this process: PGlite in memory, the in-process bus, the demo seed, silent logs. */
async function startEmbeddedPlatform(): Promise<RunningPlatform> {
  const config = loadConfig(process.env, {
    demo: true,
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory',
    databaseUrl: null,
    natsUrl: null,
    logLevel: 'silent',
  });
  return startPlatform(config);
}

function reportTable(report: SimReport): string {
  const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
  const rows: Array<[string, string]> = [
    ['victims', String(report.victims)],
    ['warned before payment', percent(report.warnedBeforePayment)],
    [
      'median time to warning',
      report.medianSecondsToWarning === null ? '—' : `${report.medianSecondsToWarning} s`,
    ],
    ['false-alarm rate', percent(report.falseAlarmRate)],
    ['dissuaded', String(report.dissuaded)],
    ['loss avoided', `${report.lossAvoided.toLocaleString('en')} yuan`],
    ['events per second', String(report.eventsPerSecond)],
  ];
  const callers = report.callerBehaviour;
  if (callers)
    rows.push(
      ['SIM boxes (CDRs posted)', String(callers.simBoxes)],
      [
        'callers marked',
        `${callers.marked} (${callers.caught} SIM boxes, ${callers.busyMarked} busy honest)`,
      ],
      ['caller precision', percent(callers.precision)],
      ['caller recall', percent(callers.recall)],
    );
  return rows.map(([name, value]) => `${name.padEnd(24)}${value}\n`).join('');
}
