/**
 * Which unit a warning goes to (docs/warnings.md, "Routing"): the county of registered residence (the
 * resident ID's first 6 digits) when that unit exists; else the city of the number's home region
 * (号码归属地); else the province. Units come from the store once and are kept in memory (the org tree
 * changes rarely; `refresh` reloads it). Never reads or writes warnings.
 */
import { classifyNumber, type HomeRegion } from '@fanzha/engine';
import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../../store/schema.js';
import type { RoutedBy } from '../../store/warnings-schema.js';

export interface Route {
  unitCode: string;
  routedBy: Exclude<RoutedBy, 'transfer'>;
}

export interface UnitInfo {
  code: string;
  name: string;
  level: UnitRow['level'];
  parentCode: string | null;
  path: string;
}

/** Cities renamed since the number-plan data was written: its name → today's. */
const RENAMED_CITIES: Readonly<Record<string, string>> = {
  襄樊: '襄阳',
  思茅: '普洱',
};

const SUFFIX = /(市|地区|盟|林区|自治州|特别行政区|省|自治区|壮族|回族|维吾尔)$/;

/**
 * The name without its administrative suffix, for matching names written in different periods or
 * sources: 吐鲁番地区 and 吐鲁番市 → 吐鲁番; 南京市 → 南京; 延边朝鲜族自治州 → 延边朝鲜族.
 */
export function coreName(name: string): string {
  let core = name.trim();
  for (let previous = ''; previous !== core && core.length > 2;) {
    previous = core;
    core = core.replace(SUFFIX, '');
  }
  return RENAMED_CITIES[core] ?? core;
}

export class UnitDirectory {
  private byCode = new Map<string, UnitInfo>();
  /** Core name of a city-level (or county-level directly administered) unit → its code, in the province. */
  private byCoreName = new Map<string, string>();
  private root: UnitInfo | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom('units').selectAll().execute();
    const byCode = new Map<string, UnitInfo>();
    let root: UnitInfo | null = null;
    for (const row of rows) {
      const unit: UnitInfo = {
        code: row.code,
        name: row.name,
        level: row.level,
        parentCode: row.parent_code,
        path: row.path,
      };
      byCode.set(unit.code, unit);
      if (unit.parentCode === null) root = unit;
    }
    // Cities first, then counties: a county-level city directly under the province (湖北 仙桃市) is
    // found by its name, but never shadows a prefecture-level city of the same core name.
    const byCoreName = new Map<string, string>();
    for (const level of ['city', 'county'] as const) {
      for (const unit of byCode.values()) {
        if (unit.level !== level) continue;
        const core = coreName(unit.name);
        if (!byCoreName.has(core)) byCoreName.set(core, unit.code);
      }
    }
    this.byCode = byCode;
    this.byCoreName = byCoreName;
    this.root = root;
  }

  get(code: string): UnitInfo | undefined {
    return this.byCode.get(code);
  }

  get province(): UnitInfo {
    if (!this.root) throw new Error('the org tree is empty: seed the province first');
    return this.root;
  }

  /** The unit of a home region in this province, or null (another province, or a name we cannot place). */
  unitOfHomeRegion(region: HomeRegion): UnitInfo | null {
    const root = this.root;
    if (!root || coreName(region.province) !== coreName(root.name)) return null;
    const code = this.byCoreName.get(coreName(region.city));
    return code ? (this.byCode.get(code) ?? null) : null;
  }

  /** The unit responsible for a person: residence county, else home-region city, else the province. */
  route(phone: string, idNumber: string | null): Route {
    if (idNumber) {
      const county = this.byCode.get(idNumber.slice(0, 6));
      if (county && county.parentCode !== null) return { unitCode: county.code, routedBy: 'residence' };
    }
    const region = classifyNumber(phone).homeRegion;
    const city = region ? this.unitOfHomeRegion(region) : null;
    if (city) return { unitCode: city.code, routedBy: 'home_region' };
    return { unitCode: this.province.code, routedBy: 'province' };
  }

  /** Whether `code` lies in the subtree at `path` (its own unit included). */
  isWithin(code: string, path: string): boolean {
    return this.byCode.get(code)?.path.startsWith(path) ?? false;
  }
}
