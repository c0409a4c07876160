import { readNotes } from '../../check/replies';
import { Reading } from '../../check/reading';
import { findHedge, normalise } from '../../check/keywords';

// Per-item answers inside one message (issue 13, item 1): each hedge, denial and report applies
// to the item it is about. One row per kind of message, both languages.

describe('readNotes', () => {
  it.each([
    ['en', "my coworker said I look pale lately, no spots that I've seen, not sure about the lymph nodes", { pale_skin: 'yes', petechiae: 'no', swollen_lymph_nodes: 'unsure' }],
    ['en', 'not sure about a swollen gland', { swollen_lymph_nodes: 'unsure' }],
    ["en", "I'm not sure if my son has paleness", { pale_skin: 'unsure' }],
    ['en', "I don't think I look pale", { pale_skin: 'no' }],
    ['en', 'maybe a bit pale? hard to say', { pale_skin: 'unsure' }],
    ['en', 'bone pain and fevers, and not sure about paleness', { bone_pain: 'yes', fever: 'yes', pale_skin: 'unsure' }],
    ['es', 'tiene unos puntitos en la piel pero no sé si es eso', { petechiae: 'unsure' }],
    ['es', 'me sangran las encías, cansada puede ser, no sé', { bleeding_gums: 'yes', fatigue: 'unsure' }],
    // Issue 23: a filler "idk" or "lol" in a clause with clear reports leaves them clear; alone after a report it doubts it.
    ['en', 'idk ive been rly tired and my gums bleed lol', { fatigue: 'yes', bleeding_gums: 'yes' }],
    ['en', 'a bit pale maybe? idk', { pale_skin: 'unsure' }],
    ['en', 'dunno if I have a fever', { fever: 'unsure' }],
    ['es', 'nose, ando muy cansada jaja', { fatigue: 'yes' }],
  ] as const)('%s: %s', (locale, text, expected) => {
    expect(readNotes(new Reading(text, locale))).toEqual(expected);
  });

  // In a check for someone the writer cares for, another person's signs are that person's; in a
  // check for oneself (or one's child) they are not.
  it.each([
    ['es', 'no sé si mi mamá tiene puntitos en la piel', 'someone', { petechiae: 'unsure' }],
    ['es', 'morados, y no sé si mi mamá tiene puntitos en la piel', 'someone', { easy_bruising: 'yes', petechiae: 'unsure' }],
    ['en', 'my husband is really tired and pale', 'someone', { fatigue: 'yes', pale_skin: 'yes' }],
    ['es', 'a mi mamá le dieron quimio por cáncer de mama', 'someone', { prior_cancer_treatment: 'yes' }],
    ['en', 'my sister is anaemic', 'self', {}],
    ['es', 'a mi mamá le dieron quimio por cáncer de mama', 'self', {}],
  ] as const)('%s: %s (about %s)', (locale, text, about, expected) => {
    expect(readNotes(new Reading(text, locale), [], about)).toEqual(expected);
  });

  it('"maybe the first one" is a not sure for the first item on screen', () => {
    expect(readNotes(new Reading('so maybe the first one? never had cancer', 'en'), ['bone_pain', 'bleeding_gums', 'fever'])).toEqual({
      bone_pain: 'unsure',
      prior_cancer_treatment: 'no',
    });
  });
});

describe('findHedge', () => {
  it.each([
    ['not sure about the fever', 'strong'],
    ['maybe a fever', 'soft'],
    ['no sé', 'strong'],
    ['no se me quita', null],
    ['I bruise easily', null],
  ] as const)('%s → %s', (text, expected) => {
    expect(findHedge(normalise(text))).toBe(expected);
  });
});
