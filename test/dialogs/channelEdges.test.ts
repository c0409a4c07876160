import { renderSmsReply } from '../../bot/sms/render';
import { fitForTeams } from '../../bot/teams/teamsFormat';
import { choiceMessage } from '../../dialogs/render';
import type { CheckData } from '../../check/questions';

// channelData.check (the conversation contract) rides on activities through every channel edge:
// SMS ignores it, Teams passes it through; neither shows it to the person.

const check: CheckData = { asking: ['bone_pain', 'fever'] };

describe('channel edges with channelData.check', () => {
  it('SMS renders only the text and the numbered choices', () => {
    const activity = { type: 'message', ...choiceMessage('sms', { choices: ['Bone pain', 'Fever'], text: 'Have you had any of these?', check }) };
    const reply = renderSmsReply([activity]);
    expect(reply.messages.join('\n')).not.toMatch(/asking|bone_pain/);
    expect(reply.messages.join('\n')).toMatch(/1\. Bone pain/);
  });

  it('Teams keeps channelData as it was', () => {
    const activity = { type: 'message', ...choiceMessage('msteams', { choices: ['Bone pain', 'Fever', 'None of these', 'Not sure'], text: 'Any?', check }) };
    expect(fitForTeams(activity).channelData).toEqual({ check });
  });
});
