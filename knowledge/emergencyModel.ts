import { isMarker } from './normalize';
import { seededRandom } from './seededRandom';

// A learned second opinion on red flags. The rules (knowledge/redFlags.ts) know the words of every
// register the corpus has met; people in a new register use words of their own, and the rules miss
// about one emergency in seven at first sight. This model reads the same normalised text as
// letters (4 at a time) and words, so "cant pul air" and "me quiero desvivir" look like what
// it was shown. It is logistic regression over hashed features (no vocabulary to keep), trained on
// the labelled corpus by scripts/trainEmergencyModel.ts, deterministic from its seed.
//
// It never decides alone: where the rules found no red flag and the model is confident, the
// message is a *possible* flag, the one that asks "Is this happening right now?" and costs a false
// alarm one tap. It knows no kind, so it raises the general 911 advice.

/**
 * Whether a red flag is the model's guess: a possible flag of no kind. The rules always name a
 * kind, so this is how the rest of the bot tells a guess from a rule's flag.
 */
export function isModelGuess(emergencyKind: string | null, tier: 'clear' | 'possible' | null): boolean {
  return emergencyKind === null && tier === 'possible';
}

export interface EmergencyModel {
  /** Number of hashed features. */
  dims: number;
  bias: number;
  /** Weights are stored as bytes: weight = byte * scale. */
  scale: number;
  weights: Int8Array;
  /** A probability above this raises a possible flag. */
  threshold: number;
}

/** What is kept in knowledge/data/emergencyModel.json. */
export interface EmergencyModelFile {
  version: 1;
  dims: number;
  bias: number;
  scale: number;
  threshold: number;
  /** Which labelled files it learned from, and the seed: the script makes the same file again. */
  trainedOn: string[];
  seed: number;
  /** The weights as signed bytes, base64. */
  weights: string;
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
/** The hash states that start each kind of feature, so a letter run and a word never share one. */
const LETTERS = fnv(FNV_OFFSET, 'c');
const WORD = fnv(FNV_OFFSET, 'w');
const PAIR = fnv(FNV_OFFSET, 'b');

/** FNV-1a, continued from `hash` over the string's UTF-16 units. */
function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Letters read together: runs of 4 did as well as runs of 3 to 5 on held-out batches, at a third of the cost. */
const LETTER_RUN = 4;

/**
 * Visits the hashed features of words already normalised (knowledge/normalize.ts): every run of 4
 * letters of " the words joined ", each word, and each pair of words, as buckets in [0, dims),
 * dims a power of two. A feature seen twice counts twice. Hashes are rolled over the
 * characters, without a string per feature: this runs on every message.
 */
function visitFeatures(words: readonly string[], dims: number, visit: (feature: number) => void): void {
  const mask = dims - 1;
  let text = ' ';
  let previous: string | null = null;
  for (const word of words) {
    if (isMarker(word)) continue;
    text += `${word} `;
    visit((fnv(WORD, word) >>> 0) & mask);
    if (previous !== null) visit((fnv(fnv(fnv(PAIR, previous), ' '), word) >>> 0) & mask);
    previous = word;
  }
  for (let at = 0; at + LETTER_RUN <= text.length; at++) {
    let hash = LETTERS;
    for (let k = 0; k < LETTER_RUN; k++) hash = Math.imul(hash ^ text.charCodeAt(at + k), FNV_PRIME);
    visit((hash >>> 0) & mask);
  }
}

/** The hashed features of some words (see visitFeatures), for training. */
export function modelFeatures(words: readonly string[], dims: number): number[] {
  const found: number[] = [];
  visitFeatures(words, dims, (feature) => found.push(feature));
  return found;
}

/** The model's probability that the words describe an emergency. */
export function emergencyProbability(model: EmergencyModel, words: readonly string[]): number {
  const { weights } = model;
  let sum = 0;
  visitFeatures(words, model.dims, (feature) => {
    sum += weights[feature]!;
  });
  return 1 / (1 + Math.exp(-(model.bias + sum * model.scale)));
}

export function decodeModel(file: EmergencyModelFile): EmergencyModel {
  const bytes = Buffer.from(file.weights, 'base64');
  return { dims: file.dims, bias: file.bias, scale: file.scale, threshold: file.threshold, weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

export interface TrainingOptions {
  dims: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  threshold: number;
}

/**
 * How the committed model is trained. Chosen on batches held out of training (E8 and L, and the
 * real phrases): few epochs and some L2 keep its probabilities honest, and 0.9 keeps its false
 * alarms on ordinary messages near none (README, "A learned second opinion").
 */
export const TRAINING: TrainingOptions = { dims: 1 << 18, epochs: 5, learningRate: 0.1, l2: 1e-4, seed: 20261203, threshold: 0.9 };

/**
 * Logistic regression by stochastic gradient descent, each example's step scaled by the root of its
 * feature count (at least 1: a message of emoji alone has no feature, and must not divide by zero).
 */
export function trainEmergencyModel(examples: readonly { words: readonly string[]; emergency: boolean }[], options: TrainingOptions): EmergencyModel {
  const { dims, epochs, learningRate, l2, seed } = options;
  const random = seededRandom(seed);
  const rows = examples.map((example) => ({ features: modelFeatures(example.words, dims), label: example.emergency ? 1 : 0 }));
  const weights = new Float64Array(dims);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    for (const { features, label } of rows) {
      let score = bias;
      for (const feature of features) score += weights[feature]!;
      const gradient = (1 / (1 + Math.exp(-score)) - label) / Math.sqrt(Math.max(1, features.length));
      for (const feature of features) weights[feature]! -= learningRate * (gradient + l2 * weights[feature]!);
      bias -= learningRate * gradient;
    }
  }
  // Bytes: the largest weight maps to 127; smaller ones lose a little precision, not their sign.
  const largest = weights.reduce((most, weight) => Math.max(most, Math.abs(weight)), 0) || 1;
  const scale = largest / 127;
  return { dims, bias, scale, threshold: options.threshold, weights: Int8Array.from(weights, (weight) => Math.round(weight / scale)) };
}

export function encodeModel(model: EmergencyModel, trainedOn: string[], seed: number): EmergencyModelFile {
  return {
    version: 1,
    dims: model.dims,
    bias: model.bias,
    scale: model.scale,
    threshold: model.threshold,
    trainedOn,
    seed,
    weights: Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).toString('base64'),
  };
}
