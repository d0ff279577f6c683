/**
 * Where the training scripts find the shared data set: `FANZHA_SHARED_DATA` if set, else `shared/data`
 * beside the repository (the layout of the workspace and of CI, where the repo is cloned next to it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sharedDataDir(): string {
  return process.env.FANZHA_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
}

export const modelsDir = path.resolve(repoRoot, 'packages/engine/models');
