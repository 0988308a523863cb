/**
 * The labeled scanner corpus (test/fixtures/scanner-corpus): sample files of many languages and config formats,
 * each with a sidecar `<file>.labels.json` listing every host a reader would point at: `{line, text, kind}` with
 * 1-based lines as an editor shows them. Shared by the precision/recall test and the benchmark, so both score
 * the same way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './paths';

export const CORPUS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'scanner-corpus');

export interface CorpusLabel {
  /** 1-based line. */
  line: number;
  text: string;
  kind: 'url' | 'hostname' | 'ipv4' | 'ipv6';
}

export interface CorpusFile {
  name: string;
  text: string;
  labels: CorpusLabel[];
}

/** A prediction to score: 0-based line (as the scanner reports it), the matched text and its kind. */
export interface Prediction {
  line: number;
  text: string;
  kind: string;
}

export function loadCorpus(dir: string = CORPUS_DIR): CorpusFile[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((labelsFile) => {
      const name = labelsFile.slice(0, -'.labels.json'.length);
      const labels = JSON.parse(fs.readFileSync(path.join(dir, labelsFile), 'utf8')) as CorpusLabel[];
      return { name, text: fs.readFileSync(path.join(dir, name), 'utf8'), labels };
    });
}

export interface Score {
  truePositives: number;
  falsePositives: Prediction[];
  falseNegatives: CorpusLabel[];
  precision: number;
  recall: number;
}

/** Exact scoring: a prediction counts only if a label has the same line, text and kind (each label once). */
export function score(file: CorpusFile, predictions: readonly Prediction[]): Score {
  const open = new Map<string, CorpusLabel[]>();
  for (const l of file.labels) {
    const key = `${l.line - 1}\u0000${l.kind}\u0000${l.text}`;
    open.set(key, [...(open.get(key) ?? []), l]);
  }
  let truePositives = 0;
  const falsePositives: Prediction[] = [];
  for (const p of predictions) {
    const pending = open.get(`${p.line}\u0000${p.kind}\u0000${p.text}`);
    if (pending && pending.length > 0) {
      pending.pop();
      truePositives++;
    } else falsePositives.push(p);
  }
  const falseNegatives = [...open.values()].flat();
  return { truePositives, falsePositives, falseNegatives, ...ratios(truePositives, falsePositives.length, falseNegatives.length) };
}

export function ratios(tp: number, fp: number, fn: number): { precision: number; recall: number } {
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Scores every file and sums the counts (micro-averaged precision and recall). */
export function scoreCorpus(files: readonly CorpusFile[], predict: (file: CorpusFile) => Prediction[]): Score & { perFile: Map<string, Score> } {
  const perFile = new Map<string, Score>();
  let tp = 0;
  const fps: Prediction[] = [];
  const fns: CorpusLabel[] = [];
  for (const f of files) {
    const s = score(f, predict(f));
    perFile.set(f.name, s);
    tp += s.truePositives;
    fps.push(...s.falsePositives.map((p) => ({ ...p, text: `${f.name}:${p.line + 1}: ${p.text}` })));
    fns.push(...s.falseNegatives.map((l) => ({ ...l, text: `${f.name}:${l.line}: ${l.text}` })));
  }
  return { truePositives: tp, falsePositives: fps, falseNegatives: fns, perFile, ...ratios(tp, fps.length, fns.length) };
}
