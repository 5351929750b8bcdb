/**
 * Saved web pages: the article's text as a reader sees it, page furniture left out,
 * facts from the head only.
 */
import { describe, expect, it } from 'vitest';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { outlineOf, sampleSentences, utf8 } from '../../../helpers/document-fixtures.ts';

const [s1, s2, s3, s4, s5, s6] = sampleSentences as [string, string, string, string, string, string];

const page = `<!doctype html>
<html><head><title> The   page
 title </title><meta name="author" content="Leyla Məmmədova"><meta property="article:published_time" content="2024-05-02T09:00:00Z">
<style>p { color: red }</style><script>document.write("script text")</script></head>
<body><header>Site header</header><nav><a href="/">Home</a> menu</nav>
<article><header><h1>Article <em>heading</em></h1></header>
<p>${s1.replace('with', 'with\n   <a href="#">')}</a></p>
<div>${s2} <span hidden>hidden text</span><span style="display: none">none text</span></div>
<ul><li>${s3}<ol><li>nested <b>item</b></li></ol></li><li aria-hidden="true">aria hidden</li></ul>
<blockquote><p>${s4}</p>${s5}</blockquote>
<table><tr><th>Col A</th><th></th></tr><tr><td>cell&nbsp;one</td><td> </td></tr></table>
<pre>pre line one
   pre line two</pre>
<h5>Deep</h5><p>${s6}<br>after break</p>
<!-- a comment --><form><input value="field"><button>Send</button></form><aside>Related links</aside><footer>Article footer</footer>
</article><footer>Site footer</footer><noscript>noscript text</noscript><template><p>template text</p></template></body></html>`;

describe('convertDocument: HTML', () => {
  it('keeps the article: every sentence, headings, lists flattened, quotes, cells, pre lines; drops furniture and hidden text', async () => {
    const converted = await convertDocument(utf8(page), 'saved.html');
    for (const sentence of sampleSentences) expect(converted.article.text).toContain(sentence);
    expect(outlineOf(converted.article.doc)).toEqual([
      'h1:Article heading',
      `p:${s1}`, `p:${s2}`,
      `bullet:${s3}`, 'bullet:nested item',
      `quote:${s4}`, `quote:${s5}`,
      'p:Col A', 'p:cell\u00a0one',
      'p:pre line one', 'p:pre line two',
      'h4:Deep', `p:${s6}`, 'p:after break',
    ]);
    for (const dropped of ['Site header', 'menu', 'script text', 'color', 'hidden text', 'none text', 'aria hidden', 'comment', 'field', 'Send', 'Related', 'footer', 'noscript', 'template']) {
      expect(converted.article.text).not.toContain(dropped);
    }
    expect(converted.article.meta).toMatchObject({ title: 'The page title', titleSupplied: false, author: 'Leyla Məmmədova', publisher: null, sourceFile: 'saved.html' });
    expect(converted.date).toBe('2024-05-02T09:00:00Z');
  });

  it('takes <main> when there is no single article, else the body; invents no title, author or date', async () => {
    const withMain = await convertDocument(utf8('<body><div>Outside text.</div><main><p>Main text.</p></main></body>'), 'main.htm');
    expect(withMain.article.text).toBe('Main text.');
    const bare = await convertDocument(utf8('<p>Only a paragraph, long enough to be a title.</p><p>Second.</p>'), 'bare.html');
    expect(bare.article.text).toBe('Only a paragraph, long enough to be a title.\nSecond.');
    expect(bare.article.meta).toMatchObject({ title: 'Only a paragraph, long enough to be a title.', titleSupplied: true, author: null });
    expect(bare.date).toBeNull();
  });

  it('refuses bytes that are not HTML, and a page with no text', async () => {
    await expect(convertDocument(utf8('just words, no markup at all'), 'words.html')).rejects.toMatchObject({ reason: 'malformed', message: 'words.html: this is not HTML (it has no elements)' });
    await expect(convertDocument(new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02]), 'binary.html')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(convertDocument(utf8('<html><body><nav>menu only</nav><script>x()</script></body></html>'), 'empty.html')).rejects.toMatchObject({ reason: 'no-text' });
    const deep = `${'<div>'.repeat(30_000)}text${'</div>'.repeat(30_000)}`;
    await expect(convertDocument(utf8(deep), 'deep.html')).rejects.toMatchObject({ reason: 'malformed', message: 'deep.html: its HTML is nested too deeply to read' });
  });
});
