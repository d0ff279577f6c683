/**
 * Mobile ranges of the China number plan (移动电话号段): which operator each range was allocated to,
 * and which ranges are virtual-operator (MVNO), satellite or IoT ranges. Written from MIIT's public
 * allocations (工信部码号资源); libphonenumber's carrier data lacks the MVNO, satellite and IoT
 * distinctions and calls 1349 China Mobile, so the engine keeps its own table.
 * See docs/number-plan.md for the same table in prose.
 */
import type { Carrier } from './types.js';

export interface MobileRange {
  carrier: Carrier;
  virtual: boolean;
  satellite: boolean;
  /** Always false: 13-digit IoT numbers have their own table. */
  iot: false;
}

const M: Carrier = '中国移动';
const U: Carrier = '中国联通';
const T: Carrier = '中国电信';
const B: Carrier = '中国广电';

const plain = (carrier: Carrier): MobileRange => ({ carrier, virtual: false, satellite: false, iot: false });
const mvno = (carrier: Carrier): MobileRange => ({ carrier, virtual: true, satellite: false, iot: false });
const satellite = (carrier: Carrier): MobileRange => ({
  carrier,
  virtual: false,
  satellite: true,
  iot: false,
});

/** 11-digit ranges by 3- or 4-digit prefix; the longer prefix wins. */
const ELEVEN_DIGIT: Readonly<Record<string, MobileRange>> = {
  // 中国移动
  ...Object.fromEntries(
    ['134', '135', '136', '137', '138', '139', '147', '148', '150', '151', '152', '157', '158', '159']
      .concat(['172', '178', '182', '183', '184', '187', '188', '195', '197', '198'])
      .map((p) => [p, plain(M)]),
  ),
  // 中国联通
  ...Object.fromEntries(
    ['130', '131', '132', '145', '146', '155', '156', '166', '175', '176', '185', '186', '196'].map((p) => [
      p,
      plain(U),
    ]),
  ),
  // 中国电信
  ...Object.fromEntries(
    ['133', '149', '153', '173', '174', '177', '180', '181', '189', '190', '191', '193', '199'].map((p) => [
      p,
      plain(T),
    ]),
  ),
  // 中国广电
  '192': plain(B),
  // Virtual operators (虚拟运营商), reported with the network that hosts them.
  '162': mvno(T),
  '165': mvno(M),
  '167': mvno(U),
  '171': mvno(U),
  '1700': mvno(T),
  '1701': mvno(T),
  '1702': mvno(T),
  '1703': mvno(M),
  '1705': mvno(M),
  '1706': mvno(M),
  '1704': mvno(U),
  '1707': mvno(U),
  '1708': mvno(U),
  '1709': mvno(U),
  // Satellite: 1349 (maritime satellite, China Satcom's mobile business, now China Telecom's) and
  // 1740 (天通 Tiantong). The rest of 174 is China Telecom's and emergency-communication use.
  '1349': satellite(T),
  '1740': satellite(T),
};

/** 13-digit IoT / M2M ranges (物联网号码), data only: they never place ordinary calls. */
const THIRTEEN_DIGIT_IOT: Readonly<Record<string, Carrier>> = {
  '1440': M,
  '148': M,
  '10647': M,
  '10648': M,
  '146': U,
  '10646': U,
  '1410': T,
  '10649': T,
};

export function elevenDigitRange(national: string): MobileRange | undefined {
  return ELEVEN_DIGIT[national.slice(0, 4)] ?? ELEVEN_DIGIT[national.slice(0, 3)];
}

export function iotRangeCarrier(national: string): Carrier | undefined {
  return (
    THIRTEEN_DIGIT_IOT[national.slice(0, 5)] ??
    THIRTEEN_DIGIT_IOT[national.slice(0, 4)] ??
    THIRTEEN_DIGIT_IOT[national.slice(0, 3)]
  );
}

/** For the plan table in docs and tests. */
export const MOBILE_RANGES = ELEVEN_DIGIT;
export const IOT_RANGES = THIRTEEN_DIGIT_IOT;
