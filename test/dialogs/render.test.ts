import { ActivityTypes, InputHints, type Activity } from 'botbuilder';
import { ChoiceFactory, supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';
import type { RenderedQuestion } from '../../check/questions';
import { checklistCard, showsChecklists } from '../../dialogs/checklistCard';
import { choiceMessage } from '../../dialogs/render';

// dialogs/render.ts builds suggested actions, hero cards and numbered lists itself. This is the
// same function as it was on botbuilder-dialogs' ChoiceFactory: both must give the same object,
// key for key, in the same key order (the JSON a channel receives).
function throughChoiceFactory(channelId: string, question: RenderedQuestion): Partial<Activity> {
  const { choices, check, hint, checklist } = question;
  const expecting = { inputHint: InputHints.ExpectingInput, ...(check ? { channelData: { check } } : {}) };
  if (checklist && showsChecklists(channelId)) {
    const { suggestedActions } = ChoiceFactory.suggestedAction(checklist.items.map(({ label }) => label));
    return { type: ActivityTypes.Message, attachments: [checklistCard(checklist)], suggestedActions, ...expecting };
  }
  const buttons = supportsSuggestedActions(channelId, choices.length);
  const cards = !buttons && supportsCardActions(channelId, choices.length);
  const text = hint ? `${question.text} ${hint[buttons || cards ? 'buttons' : 'numbers']}` : question.text;
  const message = buttons ? ChoiceFactory.suggestedAction(choices, text) : cards ? ChoiceFactory.heroCard(choices, text) : ChoiceFactory.list(choices, text);
  return { ...message, ...expecting };
}

const CHANNELS = ['webchat', 'directline', 'emulator', 'msteams', 'sms', 'twilio-sms', 'facebook', 'slack', 'telegram', 'kik', 'line', 'skype', 'directlinespeech', 'someother'];
const LABELS = ['Me', 'My child', 'Bone or joint pain that does not go away', 'Fiebre', 'None of these', 'Not sure', '', 'A "quoted" label', 'Uno\ndos', '¿Qué?', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen'];
const TEXTS = ['Who is this check for?', '', 'Any of these?\n\nTick what fits.'];
const HINT = { buttons: 'Tap all that fit.', numbers: 'Answer with the numbers.', card: 'Tick them.' };
const CHECKLIST = {
  text: 'Any of these?',
  items: [
    { id: 'bone_pain' as const, label: 'Bone pain' },
    { id: 'fever' as const, label: 'Fever' },
  ],
  done: 'Done',
  none: 'None of these',
  unsure: 'Not sure',
};

const questions: RenderedQuestion[] = [];
for (let count = 0; count <= LABELS.length; count++) {
  for (const text of TEXTS) {
    const choices = LABELS.slice(0, count);
    questions.push({ text, choices });
    questions.push({ text, choices, hint: HINT, check: { asking: ['bone_pain', 'fever'] } });
  }
}
questions.push({ text: 'Any of these?', choices: ['Bone pain', 'Fever', 'None of these', 'Not sure'], checklist: CHECKLIST, check: { asking: ['bone_pain'] } });
questions.push({ text: 'Any of these?', choices: ['Bone pain', 'Fever'], checklist: { ...CHECKLIST, hint: 'Tick all that fit, then Done.' }, hint: HINT });

describe('choiceMessage without ChoiceFactory', () => {
  it.each(CHANNELS)('gives what ChoiceFactory gave on %s, key for key', (channelId) => {
    for (const question of questions) {
      const ours = choiceMessage(channelId, question);
      const theirs = throughChoiceFactory(channelId, question);
      expect(ours).toStrictEqual(theirs);
      expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    }
  });

  it('covers all three of ChoiceFactory shapes', () => {
    expect(choiceMessage('webchat', { text: 'Who?', choices: ['Me', 'My child'] }).suggestedActions?.actions).toHaveLength(2);
    expect(choiceMessage('msteams', { text: 'Who?', choices: ['Me', 'My child'] }).attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(choiceMessage('sms', { text: 'Who?', choices: ['Me', 'My child'] }).text).toBe('Who?\n\n   1. Me\n   2. My child');
  });
});
