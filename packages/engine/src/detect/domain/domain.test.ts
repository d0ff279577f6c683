import { readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchBrands } from './brand-match.js';
import { DOMAIN_SHAPE_FEATURES, domainParts, shapeFeatures } from './features.js';
import { DOMAIN_MODEL_URL } from './index.js';
import { decodeDomainModel, DOMAIN_TREE_FEATURES, type DomainModelFile } from './model.js';
import { decodePunycode } from './punycode.js';
import { createDomainScorer, domainLogit } from './scorer.js';
import { editDistance, isBitFlip } from './skeleton.js';
import { domainFolds, trainDomainModel } from './train.js';
import { watchNewNames } from './watch.js';

const model = JSON.parse(readFileSync(DOMAIN_MODEL_URL, 'utf8')) as DomainModelFile;
const sut = createDomainScorer(model);
const signals = (domain: string) => matchBrands(domainParts(domain)).map((s) => `${s.name}:${s.brand}`);

describe('matchBrands', () => {
  it.each([
    ['icbc.com.cn', 'brand_owned:icbc'],
    ['www.icbc.com.cn', 'brand_owned:icbc'],
    ['icbc-login.top', 'brand_added_words:icbc'],
    ['95588-kefu.com', 'brand_added_words:icbc'],
    ['taobao.top', 'brand_tld_swap:taobao'],
    ['www.icbc.com.cn.verify-account.top', 'brand_in_subdomain:icbc'],
    ['1cbc-login.com', 'brand_homograph:icbc'],
    ['alipcy.com', 'brand_bitflip:alipay'],
    ['pinduoduuo.com', 'brand_lookalike:pinduoduo'],
    ['jd-kefu.cc', 'brand_added_words:jd'],
  ])('%s → %s', (domain, expected) => {
    expect(signals(domain)).toContain(expected);
  });

  it('sees an IDN homograph (Cyrillic а in alipay)', () => {
    const idn = domainToASCII('\u0430lipay.com');
    expect(idn.startsWith('xn--')).toBe(true);
    expect(signals(idn)).toContain('brand_homograph:alipay');
  });

  it('leaves unrelated names alone', () => {
    expect(signals('ludashi.com')).toEqual([]);
    expect(signals('jdsports.com')).toEqual([]);
  });
});

describe('createDomainScorer', () => {
  it('scores lookalikes suspicious and brands benign, with named contributions', () => {
    const fake = sut.score('icbc-login.top');
    expect(fake.verdict).toBe('suspicious');
    expect(fake.contributions).toContainEqual(
      expect.objectContaining({ feature: 'brand_added_words', brand: 'icbc' }),
    );
    expect(sut.score('icbc.com.cn').verdict).toBe('benign');
    expect(sut.score('https://WWW.ICBC.COM.CN/path').verdict).toBe('benign');
  });

  it('gives a score in 0..1 for any input', () => {
    for (const input of ['', '.', 'localhost', '127.0.0.1', 'xn--', 'a'.repeat(300) + '.com']) {
      const { score } = sut.score(input);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('watchNewNames', () => {
  it('raises only candidates above the threshold, once each, highest first', () => {
    const found = watchNewNames(sut, [
      '*.icbc-login.top',
      'icbc-login.top',
      'ludashi.com',
      'taobao-refund.vip',
    ]);
    expect(found.map((c) => c.domain)).toEqual(
      expect.arrayContaining(['icbc-login.top', 'taobao-refund.vip']),
    );
    expect(found).toHaveLength(2);
    expect(found[0]!.score).toBeGreaterThanOrEqual(found[1]!.score);
  });
});

describe('trainDomainModel', () => {
  it('gives the same model when trained twice', () => {
    const examples = [
      'bitk-eth.live',
      'forex88.net',
      'zceomo.top',
      'ludashi.com',
      'lufax.com',
      'luffy.cc',
    ].map((domain, i) => ({
      domain,
      scam: i < 3,
    }));
    const options = { hashBits: 10, epochs: 3, trees: 5, stackingFolds: 2 };
    expect(JSON.stringify(trainDomainModel(examples, options))).toBe(
      JSON.stringify(trainDomainModel(examples, options)),
    );
  });
});

describe('shapeFeatures', () => {
  const shape = (domain: string) => {
    const x = shapeFeatures(domainParts(domain));
    return Object.fromEntries(DOMAIN_SHAPE_FEATURES.map((f, i) => [f, x[i]]));
  };
  it('reads keyboard walks, doubled characters and digit runs', () => {
    expect(shape('frtgvd.com').keyboard_walk).toBeCloseTo(0.8); // v-d are not neighbours
    expect(shape('ludashi.com').keyboard_walk).toBeLessThan(0.5);
    expect(shape('rooobinhood.com')).toMatchObject({ doubled_chars: 3, same_char_run: 3 });
    expect(shape('hngjny451.vip')).toMatchObject({ letters: 6, digits: 3, tail_digits: 3, head_digits: 0 });
    expect(shape('0551115.com')).toMatchObject({ digit_run: 7, head_digits: 7, vowel_share: 0 });
    expect(shape('a.b.example.com.cn')).toMatchObject({ suffix_labels: 2, hostname_length: 18 });
  });
});

describe('domainFolds', () => {
  it('deals scam and benign examples evenly over the folds, the same way every time', () => {
    const examples = Array.from({ length: 50 }, (_, i) => ({ domain: `d${i}.com`, scam: i < 20 }));
    const folds = domainFolds(examples, 5, 7);
    expect(Array.from(domainFolds(examples, 5, 7))).toEqual(Array.from(folds));
    for (let f = 0; f < 5; f++) {
      expect(examples.filter((e, i) => e.scam && folds[i] === f)).toHaveLength(4);
      expect(examples.filter((e, i) => !e.scam && folds[i] === f)).toHaveLength(6);
    }
  });
});

describe('the shipped model', () => {
  it('explains its logit exactly: contributions plus the trees base value', () => {
    const decoded = decodeDomainModel(model);
    const base = decoded.trees.trees.reduce((sum, t) => sum + t.value[0]!, 0);
    for (const domain of ['icbc-login.top', 'ludashi.com', 'iopklj.com', 'sequoiacapitalh.com']) {
      const { logit, contributions } = domainLogit(decoded, domain);
      expect(base + contributions.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(logit, 9);
      expect(contributions.every((c) => c.feature !== '')).toBe(true);
    }
  });

  it('names the features its trees read, and quotes the n-grams and TLD', () => {
    const { contributions } = sut.score('sequoiacapitalh.com');
    const features = contributions.map((c) => c.feature);
    expect(features).toContain('name');
    expect(contributions.find((c) => c.feature === 'tld')?.detail).toBe('com');
    for (const f of features) expect([...DOMAIN_TREE_FEATURES, 'brand_added_words']).toContain(f);
  });

  it('is refused when its tree features differ from the code, or in another format', () => {
    expect(() => decodeDomainModel({ ...model, treeFeatures: ['length'] })).toThrow(/retrain/);
    expect(() =>
      decodeDomainModel({ ...model, format: 'fanzha-domain-linear/1' } as unknown as DomainModelFile),
    ).toThrow(/unsupported domain model format/);
  });

  it('stays small', () => {
    expect(readFileSync(DOMAIN_MODEL_URL).length).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('string helpers', () => {
  it('decodes punycode', () => {
    expect(decodePunycode('fiqs8s')).toBe('中国');
    expect(decodePunycode('!!')).toBeNull();
  });
  it('measures edits and bit-flips', () => {
    expect(editDistance('taobao', 'tabao', 2)).toBe(1);
    expect(editDistance('taobao', 'toabao', 2)).toBe(1);
    expect(isBitFlip('alipay', 'alipcy')).toBe(true);
    expect(isBitFlip('alipay', 'alipay')).toBe(false);
  });
});
