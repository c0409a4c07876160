import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { renderWidgetScript, widgetConfig } from '../../bot/web/widget';

const template = readFileSync(path.join(__dirname, '..', '..', 'public', 'widgetTemplate.js'), 'utf8');

describe('widgetConfig', () => {
  it('carries both languages, so the widget follows the website’s language', () => {
    expect(widgetConfig('Symptom Check', '#00529B', 'en')).toEqual({
      defaultLang: 'en',
      brandColor: '#00529B',
      strings: {
        en: { open: 'Check your symptoms', close: 'Close the symptom check', panelTitle: 'Symptom Check chat' },
        es: { open: 'Revise sus síntomas', close: 'Cerrar el chequeo de síntomas', panelTitle: 'Chat de Revisión de síntomas' },
      },
    });
  });
});

describe('renderWidgetScript', () => {
  it('writes the settings into public/widgetTemplate.js and stays valid JavaScript', () => {
    const script = renderWidgetScript(template, widgetConfig('</script>Bot', '#00529B', 'es'));
    expect(script).toContain('"defaultLang":"es"');
    expect(script).toContain('"Chat de \\u003c/script>Bot"');
    expect(() => new vm.Script(script)).not.toThrow();
  });

  it('refuses a template without the settings slot', () => {
    expect(() => renderWidgetScript('(function () {})();', widgetConfig('Bot', '#00529B', 'en'))).toThrow(/CONFIG/);
  });
});
