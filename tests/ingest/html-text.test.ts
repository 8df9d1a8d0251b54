import { describe, expect, it } from 'vitest';
import { collapseWhitespace, htmlToText, tickersFromWidgets } from '../../src/ingest/html-text.ts';
import { markdownToHtml } from '../../src/ingest/markdown.ts';

describe('htmlToText', () => {
  it('drops the eastmoney stock widget and hidden elements but records the ticker', () => {
    const html = '<p style="display:none;height:1px;"><br /></p><!-- EM_StockImg_Start --><p><a data-code="01810|116|5" data-code2="01810|116|3|"><img src="k.png" alt="K图 01810_0" /></a></p><!-- EM_StockImg_End --><p>2月8日雷军发布内部信称，小米集团正式组建高端化战略工作组。<br /></p>';
    const body = htmlToText(html);
    expect(body.paragraphs.map((p) => p.text)).toEqual(['2月8日雷军发布内部信称，小米集团正式组建高端化战略工作组。']);
    expect(body.tickers).toEqual(['HK:01810']);
  });

  it.each([
    ['01810|116', 'HK:01810'],
    ['600519|1', 'SH:600519'],
    ['000001|0', 'SZ:000001'],
  ])('maps widget code %s to %s', (code, ticker) => {
    expect(tickersFromWidgets(`<a data-code="${code}|5">x</a>`)).toEqual([ticker]);
  });

  it('does not take BK sector codes for tickers', () => {
    expect(tickersFromWidgets('<a data-code="BK0854|90|5">x</a>')).toEqual([]);
  });

  it('keeps <strong> text, takes the credit line as source and removes it', () => {
    const body = htmlToText('<p><strong>以下是雷军内部信原文：</strong></p><p>小米同学们，大家新年好！</p><p class="em_media">（文章来源：财联社）</p>');
    expect(body.paragraphs.map((p) => p.text)).toEqual(['以下是雷军内部信原文：', '小米同学们，大家新年好！']);
    expect(body.source).toBe('财联社');
  });

  it('joins a word that a link splits (36氪)', () => {
    const body = htmlToText('<p>随着中<a href="https://36kr.com/x">国新能源</a>汽车的发展</p>');
    expect(body.paragraphs[0]!.text).toBe('随着中国新能源汽车的发展');
  });

  it('drops scripts, styles, images and figure captions', () => {
    const body = htmlToText('<script>var a = "小米";</script><style>p{}</style><p>正文<img src="x.png">内容</p><figure><img src="y"><figcaption>图片来源：网络</figcaption></figure>');
    expect(body.paragraphs.map((p) => p.text)).toEqual(['正文内容']);
  });

  it('marks headings and block quotes', () => {
    const body = htmlToText('<h2>时势造就LG能源</h2><blockquote><p>全文如下</p></blockquote><p>正文</p>');
    expect(body.paragraphs).toEqual([
      { text: '时势造就LG能源', block: 'heading' },
      { text: '全文如下', block: 'blockquote' },
      { text: '正文', block: 'p' },
    ]);
  });

  it('survives unterminated HTML', () => {
    const body = htmlToText('<div><p>小米集团发布公告<p>营收增长<span>25%');
    expect(body.paragraphs.map((p) => p.text)).toEqual(['小米集团发布公告', '营收增长25%']);
  });
});

describe('markdown bodies (finews footer)', () => {
  const footer = '\n<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202202082270036781>\n\n[返回财联社新闻](//finews.withounder.com/category/cailianshe.html)｜[返回首页](//finews.withounder.com/)';

  it('takes the trailing link as url and drops the navigation links', () => {
    const body = htmlToText(markdownToHtml(`<p>正文。</p>\n${footer}`));
    expect(body.paragraphs.map((p) => p.text)).toEqual(['正文。']);
    expect(body.url).toBe('http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202202082270036781');
  });

  it('keeps a sentence that starts with 返回 when it is not a link', () => {
    const body = htmlToText(markdownToHtml('返回市场的资金正在增加。'));
    expect(body.paragraphs.map((p) => p.text)).toEqual(['返回市场的资金正在增加。']);
  });

  it('turns plain paragraphs and headings into paragraphs', () => {
    const body = htmlToText(markdownToHtml('# 标题\n\n第一段**加粗**文字\n第一段续行\n\n第二段 [链接](http://x.com) 文字'));
    expect(body.paragraphs).toEqual([
      { text: '标题', block: 'heading' },
      { text: '第一段加粗文字第一段续行', block: 'p' },
      { text: '第二段 链接 文字', block: 'p' },
    ]);
  });
});

describe('collapseWhitespace', () => {
  it.each([
    ['小米\n集团', '小米集团'],
    ['Apple\nInc', 'Apple Inc'],
    ['对标 iPhone， 三年内', '对标 iPhone， 三年内'],
    ['\u3000\u3000小米　集团 ', '小米 集团'],
    ['a\r\n\tb', 'a b'],
  ])('%j → %j', (input, expected) => expect(collapseWhitespace(input)).toBe(expected));
});
