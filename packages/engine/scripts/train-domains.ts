/**
 * `npm run train:domains`: trains the shipped domain model from ../shared/data/domains/scam-dev.txt and
 * benign-dev.txt and writes packages/engine/models/domain-model.json. A fixed, seeded, stratified 20%
 * is held out: the recipe trained on the rest is scored on it (ROC AUC, recall at 1% FPR), then refit
 * on all examples for shipping. Deterministic.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createDomainScorer,
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
