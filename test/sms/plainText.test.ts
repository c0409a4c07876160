import { markdownToPlain } from '../../bot/sms/plainText';

describe('markdownToPlain', () => {
  it.each([
    ['bold is stripped', 'Call **today**.', 'Call today.'],
    ['underscore bold', '__Now__ please', 'Now please'],
    ['italics', 'It is *not* a diagnosis, _only_ a check', 'It is not a diagnosis, only a check'],
    ['snake_case words stay', 'see bone_pain here', 'see bone_pain here'],
    ['a tel: link with the number as label becomes the number', 'Call [1-888-663-3488](tel:+18886633488).', 'Call 1-888-663-3488.'],
    ['a tel: link with words keeps the number', '[Call us](tel:+18886633488)', 'Call us (+18886633488)'],
    ['a web link keeps its address', 'Read [more](https://moffitt.org/all/)', 'Read more (https://moffitt.org/all/)'],
    ['a link whose label is its address', '[moffitt.org](https://moffitt.org/)', 'https://moffitt.org/'],
    ['an autolink', 'See <https://moffitt.org>', 'See https://moffitt.org'],
    ['headers lose their hashes', '## Next steps\nCall us', 'Next steps\nCall us'],
    ['bullets become dashes', '* Fever\n+ Pain\n- Bruises', '- Fever\n- Pain\n- Bruises'],
    ['tables become lines', '| Sign | Days |\n|---|---|\n| Fever | 3 |', 'Sign - Days\n\nFever - 3'],
    ['rules go', 'One\n\n---\n\nTwo', 'One\n\nTwo'],
    ['html breaks and tags', 'One<br/>Two <b>three</b>', 'One\nTwo three'],
    ['entities', 'Fever &amp; chills &lt; 3 days', 'Fever & chills < 3 days'],
    ['a lone less-than stays', 'age < 5', 'age < 5'],
    ['inline code', 'type `HELP`', 'type HELP'],
    ['images keep their alt text', '![a doctor](https://x.org/a.png)', 'a doctor'],
  ])('%s', (_name, input, expected) => {
    expect(markdownToPlain(input)).toBe(expected);
  });
});
