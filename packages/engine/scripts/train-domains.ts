/**
 * `npm run train:domains`: trains the shipped domain model from ../shared/data/domains/scam-dev.txt and
 * benign-dev.txt and writes packages/engine/models/domain-model.json. A fixed, seeded, stratified 20%
 * is held out: the recipe trained on the rest is scored on it (ROC AUC, recall at 1% FPR), then refit
 * on all examples for shipping. Deterministic.
 *
 * `npm run train:domains -- --cv`: instead, 5-fold cross-validation on the training part only (the
 * held-out 20% untouched): ROC AUC and recall at 1% FPR per fold, mean and sd. Choices of recipe are
 * made on these figures; the held-out figure is read once per final recipe.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createDomainScorer,
  domainFolds,
  evaluateDomainScorer,
  stratifiedSplit,
  trainDomainModel,
  type DomainExample,
} from '../src/detect/index.js';
import { modelsDir, sharedDataDir } from './shared-data.js';

const HOLDOUT_FRACTION = 0.2;
const SPLIT_SEED = 6;

const hash = createHash('sha256');
const read = (name: string, scam: boolean): DomainExample[] => {
  const raw = readFileSync(path.join(sharedDataDir(), 'domains', name));
  hash.update(raw);
  return raw
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((domain) => ({ domain, scam }));
};
const examples = [...read('scam-dev.txt', true), ...read('benign-dev.txt', false)];
const { train, holdout } = stratifiedSplit(
  examples,
  (e) => (e.scam ? 'scam' : 'benign'),
  HOLDOUT_FRACTION,
  SPLIT_SEED,
);
if (process.argv.includes('--cv')) {
  const FOLDS = 5;
  const fold = domainFolds(train, FOLDS, SPLIT_SEED);
  const results = [];
  for (let f = 0; f < FOLDS; f++) {
    const model = trainDomainModel(train.filter((_, i) => fold[i] !== f));
    const evaluation = evaluateDomainScorer(
      createDomainScorer(model),
      train.filter((_, i) => fold[i] === f),
    );
    results.push(evaluation);
    process.stdout.write(
      `fold ${f}: ROC AUC ${evaluation.rocAuc}, recall at 1% FPR ${evaluation.recallAt1PercentFpr}\n`,
    );
  }
  const stats = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    return `${mean.toFixed(4)} ± ${sd.toFixed(4)}`;
  };
  process.stdout.write(
    `${FOLDS}-fold on the training part: ROC AUC ${stats(results.map((r) => r.rocAuc))}, ` +
      `recall at 1% FPR ${stats(results.map((r) => r.recallAt1PercentFpr))}\n`,
  );
  process.exit(0);
}
const started = performance.now();
// The recipe is scored on the held-out part, then refit on every example for shipping.
const evaluation = evaluateDomainScorer(createDomainScorer(trainDomainModel(train)), holdout);
const model = trainDomainModel(examples, {
  record: {
    holdoutFraction: HOLDOUT_FRACTION,
    holdoutExamples: holdout.length,
    refitOnAll: true,
    dataSha256: hash.digest('hex'),
  },
});
const trainSeconds = (performance.now() - started) / 1000;
const out = path.join(modelsDir, 'domain-model.json');
const json = JSON.stringify(model) + '\n';
writeFileSync(out, json);
process.stdout.write(
  JSON.stringify(
    {
      model: path.relative(process.cwd(), out),
      bytes: Buffer.byteLength(json),
      train: train.length,
      holdout: holdout.length,
      trainSeconds: Number(trainSeconds.toFixed(1)),
      ...evaluation,
    },
    null,
    2,
  ) + '\n',
);
