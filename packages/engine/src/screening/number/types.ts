/** The kinds of number the China number plan knows, and what `classifyNumber` says about one. */

export type NumberKind = 'mobile' | 'fixed' | 'service' | 'sms_port' | 'international' | 'invalid';

/** The four licensed network operators (基础电信运营商). MVNO ranges report their host network. */
export type Carrier = '中国移动' | '中国联通' | '中国电信' | '中国广电';

/** Why a written number is not a number of the plan. */
export type NumberInvalidReason =
  | 'not_a_number' // letters or symbols that no written form of a number has, or no digits at all
  | 'too_short'
  | 'too_long'
  | 'bad_prefix' // digits of a range that is not allocated (e.g. 154…, 9x that is not 95/96)
  | 'unknown_area_code' // 0 + digits that no fixed-line area code starts
  | 'no_area_code' // a local fixed-line number without its area code: its city cannot be known
  | 'unknown_country_code';

/** 号码归属地: where a mobile range or a fixed-line area code belongs. */
export interface HomeRegion {
  province: string;
  city: string;
}

export interface NumberClassification {
  /** The input exactly as given. */
  input: string;
  kind: NumberKind;
  /** E.164 for mobile, fixed and international numbers; bare digits for service numbers and SMS ports. */
  normalized: string | null;
  carrier: Carrier | null;
  /** A mobile virtual network operator range (虚拟运营商: 170, 171, 162, 165, 167). */
  virtual: boolean;
  /** A satellite phone range (1349, 1740). */
  satellite: boolean;
  /** A 13-digit IoT / data-only number. */
  iot: boolean;
  /** Province and city of a mobile range or of a fixed line's area code, where the data knows it. */
  homeRegion: HomeRegion | null;
  /** ISO 3166-1 alpha-2 country of an international number. */
  country: string | null;
  /** Set for `invalid` only. */
  reason: NumberInvalidReason | null;
}
