/**
 * Brand impersonation signals for one domain: is it the brand's own (never suspicious), or does it
 * imitate a protected brand by a homograph, an edit, a bit-flip, a TLD swap, added words
 * (icbc-login, 95588-kefu) or the brand's name in the subdomain of someone else's domain.
 *
 * These signals carry fixed weights set by hand, not learned: the data sets hold few lookalikes of
 * Chinese brands, and an analyst must be able to read why a domain scored high.
 */
import { PROTECTED_BRANDS, type ProtectedBrand } from './brands.js';
import { domainSkeleton, editDistance, isBitFlip } from './skeleton.js';

export type BrandSignalName =
  | 'brand_owned'
  | 'brand_homograph'
  | 'brand_lookalike'
  | 'brand_bitflip'
  | 'brand_tld_swap'
  | 'brand_added_words'
  | 'brand_in_subdomain';

/** Logit added by each signal (negative: the brand's own domain). */
export const BRAND_SIGNAL_WEIGHTS: Readonly<Record<BrandSignalName, number>> = {
  brand_owned: -8,
  brand_homograph: 6,
  brand_lookalike: 5,
  brand_bitflip: 5,
  brand_tld_swap: 5,
  brand_added_words: 4.5,
  brand_in_subdomain: 4,
};

export interface BrandSignal {
  readonly name: BrandSignalName;
  readonly brand: string;
  /** What matched: the brand token or label it imitates. */
  readonly matched: string;
}

/** The parts of a domain the matcher reads (from tldts, with IDN labels decoded). */
export interface DomainParts {
  readonly hostname: string;
  /** Registrable domain (icbc-login.top), or the hostname when there is none. */
  readonly registrable: string;
  /** Registrable label without suffix (icbc-login), decoded from punycode. */
  readonly label: string;
  readonly suffix: string;
  /** Subdomain labels, left of the registrable domain. */
  readonly subdomain: string;
}

interface BrandEntry {
  readonly brand: ProtectedBrand;
  /** Labels of the brand's own domains (icbc for icbc.com.cn) and long tokens: lookalike targets. */
  readonly names: ReadonlyArray<{ text: string; skeleton: string }>;
  readonly tokens: readonly string[];
  /** Tokens as they appear in a label with its hyphens removed (renmin-yinhang → renminyinhang). */
  readonly joinedTokens: readonly string[];
}

let index: BrandEntry[] | undefined;

function brandIndex(): BrandEntry[] {
  index ??= PROTECTED_BRANDS.map((brand) => {
    const labels = brand.domains.map((d) => d.split('.')[0]!).filter((l) => l.length >= 4 && l !== 'gov');
    const words = brand.tokens.filter((t) => t.length >= 5 && /^[a-z]+$/.test(t));
    const names = [...new Set([...labels, ...words])].map((text) => ({
      text,
      skeleton: domainSkeleton(text),
    }));
    return { brand, names, tokens: brand.tokens, joinedTokens: brand.tokens.map((t) => t.replace(/-/g, '')) };
  });
  return index;
}

function ownedBy(hostname: string, brand: ProtectedBrand): boolean {
  return brand.domains.some((d) => hostname === d || hostname.endsWith('.' + d));
}

/** Words of a label: split on hyphens and on letter/digit boundaries (icbc95588 → icbc, 95588). */
function wordsOf(label: string): string[] {
  return label.split(/-+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/).filter((w) => w.length > 0);
}

function containsToken(plainLabel: string, words: readonly string[], token: string, joined: string): boolean {
  return token.length >= 4 ? plainLabel.includes(joined) : words.includes(token);
}

export function matchBrands(parts: DomainParts): BrandSignal[] {
  const signals: BrandSignal[] = [];
  const { hostname, label } = parts;
  for (const { brand } of brandIndex()) {
    if (ownedBy(hostname, brand)) return [{ name: 'brand_owned', brand: brand.id, matched: hostname }];
  }
  const words = wordsOf(label);
  const plainLabel = label.replace(/-/g, '');
  const subWords = parts.subdomain === '' ? [] : parts.subdomain.split(/[.-]+/);
  // Lookalike candidates: the whole label and each hyphen-separated part (1cbc-login), skeletons once.
  const candidates = [...new Set([label, ...label.split('-')])]
    .filter((c) => c.length >= 4)
    .map((text) => ({ text, skeleton: domainSkeleton(text) }));
  for (const { brand, names, tokens, joinedTokens } of brandIndex()) {
    const add = (name: BrandSignalName, matched: string) => signals.push({ name, brand: brand.id, matched });
    // TLD swap: exactly a brand's own label under another suffix (icbc.top, alipay.cc).
    const own = names.find((n) => n.text === label);
    if (own) {
      add('brand_tld_swap', own.text);
      continue;
    }
    const token = tokens.find((t, i) => containsToken(plainLabel, words, t, joinedTokens[i]!));
    if (token) {
      add('brand_added_words', token);
      continue;
    }
    const inSub = [...names.map((n) => n.text), ...tokens].find((t) => subWords.includes(t));
    if (inSub) add('brand_in_subdomain', inSub);
    // Lookalikes, of the whole label and of each hyphen-separated part (1cbc-login).
    for (const { text: candidate, skeleton } of candidates) {
      const hit = names.find((n) => n.text !== candidate && n.skeleton === skeleton);
      if (hit) {
        add('brand_homograph', hit.text);
        break;
      }
      const flip = names.find((n) => isBitFlip(candidate, n.text));
      if (flip) {
        add('brand_bitflip', flip.text);
        break;
      }
      const near = names.find((n) => {
        const max = n.text.length >= 8 ? 2 : 1;
        return (
          n.text.length >= 5 &&
          Math.abs(skeleton.length - n.skeleton.length) <= max &&
          editDistance(skeleton, n.skeleton, max) <= max
        );
      });
      if (near) {
        add('brand_lookalike', near.text);
        break;
      }
    }
  }
  return signals;
}
