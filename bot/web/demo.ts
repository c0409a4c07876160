import { escapeHtml } from './html';
import { webStrings } from './strings';
import type { Locale } from '../../knowledge';

/** A stand-in for a hospital website, embedding the widget exactly as a real site would. */
export function renderDemoPage(lang: Locale, widgetUrl: string): string {
  const t = webStrings(lang);
  const snippet = `<script src="${widgetUrl}" defer></script>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('demoTitle'))}</title>
<link rel="stylesheet" href="/static/demo.css">
</head>
<body>
<main>
<h1>${escapeHtml(t('demoTitle'))}</h1>
<p>${escapeHtml(t('demoBody'))}</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
</main>
${snippet}
</body>
</html>
`;
}
