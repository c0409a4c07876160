import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { understandWith } from '../../knowledge/understand';
import { knowledgeIndex } from '../../knowledge/load';
import { decodeModel, emergencyProbability, encodeModel, modelFeatures, trainEmergencyModel, TRAINING, type EmergencyModel } from '../../knowledge/emergencyModel';
import { normalizeText, tokenize } from '../../knowledge/normalize';

// The learned second opinion on red flags (knowledge/emergencyModel.ts): how it joins the rules,
// and that the committed model is the one the corpus makes.

/** A model that is sure of an emergency when the made-up word "zorblax" appears, and of nothing else. */
function stubModel(): EmergencyModel {
  const dims = 1 << 10;
  const weights = new Int8Array(dims);
  for (const feature of modelFeatures(['zorblax'], dims)) weights[feature] = 127;
  return { dims, bias: -20, scale: 1, weights, threshold: 0.9 };
}
const withStub = () => ({ ...knowledgeIndex('en'), emergencyModel: stubModel() });
const read = (text: string) => understandWith(withStub(), text);

describe('the model joins the rules as a possible flag of no kind', () => {
  it('raises a possible flag where the rules found none', () => {
    expect(read('my dad went zorblax in the kitchen')).toMatchObject({ emergency: true, emergencyTier: 'possible', emergencyKind: null });
  });

  it('leaves the rules their own flag and kind', () => {
    expect(read("I can't breathe, zorblax")).toMatchObject({ emergency: true, emergencyKind: 'breathing', emergencyTier: 'clear' });
  });

  it('leaves to the rules a sign they set aside by its setting (a film): it does not overrule them', () => {
    expect(read('in the movie the hero collapsed, zorblax')).toMatchObject({ emergency: false });
  });

  it.each([
    ['a short reply', 'zorblax ok'],
    ['a message that only asks', 'what do I do if someone goes zorblax?'],
  ])('is not asked about %s', (_what, text) => {
    expect(read(text).emergency).toBe(false);
  });

  it('says nothing about ordinary words with the committed model', () => {
    for (const text of ['I have been tired and pale for weeks', 'my gums bleed when I brush', 'yes', 'not sure']) {
      expect(understandWith(knowledgeIndex('en'), text).emergency).toBe(false);
    }
  });
});

describe('the committed model', () => {
  const ROOT = join(__dirname, '../..');
  const file = JSON.parse(readFileSync(join(ROOT, 'knowledge/data/emergencyModel.json'), 'utf8'));

  it('is the one scripts/trainEmergencyModel.ts makes from the files it names (retrain after changing the corpus)', () => {
    const corpus = readdirSync(join(ROOT, 'knowledge/corpus')).filter((name) => name.endsWith('.json')).sort();
    expect(file.trainedOn).toEqual([...corpus, 'dev.json', 'dev2.json']);
    const paths = file.trainedOn.map((name: string) => (name.startsWith('dev') ? join(ROOT, '../shared/eval', name) : join(ROOT, 'knowledge/corpus', name)));
    const examples = paths.flatMap((path: string) =>
      (JSON.parse(readFileSync(path, 'utf8')).cases as { text: string; expect: { emergency: boolean } }[]).map((c) => ({ words: tokenize(normalizeText(c.text)), emergency: c.expect.emergency })),
    );
    const model = trainEmergencyModel(examples, TRAINING);
    expect(encodeModel(model, file.trainedOn, file.seed)).toEqual(file);
  });

  it('trains on a message with no words (emoji alone) without turning its weights to NaN', () => {
    const model = trainEmergencyModel([{ words: [], emergency: false }, { words: ['help'], emergency: true }], { ...TRAINING, dims: 1 << 8, epochs: 2 });
    expect(Number.isFinite(model.bias)).toBe(true);
    expect(Number.isFinite(model.scale)).toBe(true);
  });

  it('decodes to probabilities between 0 and 1', () => {
    const model = decodeModel(file);
    const p = emergencyProbability(model, tokenize(normalizeText('my grandad collapsed and is not waking up')));
    expect(p).toBeGreaterThan(0.5);
    expect(p).toBeLessThanOrEqual(1);
  });
});
