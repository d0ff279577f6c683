/**
 * `fanzha number [values…]`: classifies phone numbers by the China number plan — from the arguments,
 * or one per line from stdin — and prints one result per input, in input order. Pure engine work:
 * no store, no network.
 */
import { createInterface } from 'node:readline';
import { classifyNumber, type NumberClassification } from '@fanzha/engine';
import type { Command } from 'commander';

/** The fields of `--json`, exactly; null where a field does not apply to the number's kind. */
export interface NumberLine {
  input: string;
  kind: NumberClassification['kind'];
  normalized: string | null;
  carrier: string | null;
  virtual: boolean | null;
  satellite: boolean | null;
  iot: boolean | null;
  homeRegion: { province: string; city: string } | null;
  country: string | null;
  reason: string | null;
}

export function toNumberLine(result: NumberClassification): NumberLine {
  const mobile = result.kind === 'mobile';
  return {
    input: result.input,
    kind: result.kind,
    normalized: result.normalized,
    carrier: result.carrier,
    virtual: mobile ? result.virtual : null,
    satellite: mobile ? result.satellite : null,
    iot: mobile ? result.iot : null,
    homeRegion: result.homeRegion,
    country: result.country,
    reason: result.reason,
  };
}

export function registerNumber(program: Command): void {
  program
    .command('number')
    .description(
      'classify phone numbers (mobile, fixed, service, SMS port, international) by the China number plan',
    )
    .argument('[values...]', 'numbers in any written form; read one per line from stdin when none are given')
    .option('--json', 'one JSON object per input, in input order')
    .action(async (values: string[], options: { json?: boolean }) => {
      const print = options.json ? printJson : tablePrinter();
      if (values.length > 0) {
        for (const value of values) print(classifyNumber(value));
        return;
      }
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim().length > 0) print(classifyNumber(line.trim()));
      }
    });
}

function printJson(result: NumberClassification): void {
  process.stdout.write(`${JSON.stringify(toNumberLine(result))}\n`);
}

/** A readable table, one row per input as it comes (stdin may be long): no column sizing pass. */
function tablePrinter(): (result: NumberClassification) => void {
  const widths = [22, 22, 18, 16, 24];
  let header = false;
  return (result) => {
    if (!header) {
      header = true;
      process.stdout.write(
        `${row(['输入 input', '类型 kind', '规范 normalized', '运营商', '归属地 / 国家 region'], widths)}\n`,
      );
    }
    const flags = [result.virtual && '虚拟', result.satellite && '卫星', result.iot && '物联网']
      .filter(Boolean)
      .join(',');
    const region = result.homeRegion
      ? result.homeRegion.province === result.homeRegion.city
        ? result.homeRegion.city
        : `${result.homeRegion.province}${result.homeRegion.city}`
      : (result.country ?? '');
    const kind = result.kind === 'invalid' ? `invalid:${result.reason}` : result.kind;
    const carrier = result.carrier ? `${result.carrier}${flags ? `(${flags})` : ''}` : '';
    process.stdout.write(`${row([result.input, kind, result.normalized ?? '', carrier, region], widths)}\n`);
  };
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i === cells.length - 1 ? cell : padToWidth(cell, widths[i] ?? 10)))
    .join(' ');
}

/** Pads by display width: CJK characters take two columns in a terminal. */
function padToWidth(text: string, width: number): string {
  let columns = 0;
  for (const character of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        character,
      )
        ? 2
        : 1;
  return text + ' '.repeat(Math.max(1, width - columns));
}
