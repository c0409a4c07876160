import { answerAll, nextGroup, notesFrom, unanswered } from '../../check/check';
import { SYMPTOM_IDS } from '../../knowledge';

describe('nextGroup sizes groups evenly, at most 3', () => {
  it.each([
    [10, 3],
    [9, 3],
    [7, 3],
    [5, 3],
    [4, 2],
    [2, 2],
    [1, 1],
    [0, 0],
  ])('%i items left → a group of %i', (left, size) => expect(nextGroup(SYMPTOM_IDS.slice(0, left))).toHaveLength(size));

  it('asks the 10 symptoms in 4 questions and the 4 risk factors in 2', () => {
    const sizes = (count: number) => {
      const result: number[] = [];
      for (let left = count; left > 0; left -= nextGroup(SYMPTOM_IDS.slice(0, left)).length) result.push(nextGroup(SYMPTOM_IDS.slice(0, left)).length);
      return result;
    };
    expect(sizes(10)).toEqual([3, 3, 2, 2]);
    expect(sizes(4)).toEqual([2, 2]);
  });
});

it('unanswered keeps the source order and skips answered items', () => {
  expect(unanswered('risks', { sibling_with_all: 'no', fever: 'yes' })).toEqual([
    'genetic_syndrome',
    'chemical_radiation_exposure',
    'prior_cancer_treatment',
  ]);
});

it.each([
  [{ present: ['fever'], absent: [] }, { fever: 'yes' }],
  [{ present: [], absent: ['fever', 'pale_skin'] }, { fever: 'no', pale_skin: 'no' }],
  [{ present: ['fever'], absent: ['bone_pain'] }, { fever: 'yes', bone_pain: 'no' }],
] as const)('notesFrom(%j) → %j', (understanding, notes) => expect(notesFrom({ present: [...understanding.present], absent: [...understanding.absent] })).toEqual(notes));

it('answerAll', () => expect(answerAll(['fever', 'bone_pain'], 'unsure')).toEqual({ fever: 'unsure', bone_pain: 'unsure' }));
