import { describe, expect, it } from 'vitest';
import { ingestFixture } from '../helpers.ts';

describe('ingest of real articles', () => {
  it('reads the reference Jekyll post of 财联社', async () => {
    const [doc] = await ingestFixture('finews/2022-02-08-NW202202082270036781.md');
    expect(doc!.meta).toMatchObject({
      id: 'NW202202082270036781',
      title: '雷军组建高端化战略工作组 小米“高端化”之路能走通吗？',
      publishedAt: '2022-02-08T20:53:15+08:00',
      source: '财联社',
      url: 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202202082270036781',
      categories: ['cailianshe'],
      tags: ['财联社新闻'],
      language: 'zh',
      tickers: ['HK:01810'],
    });
    const text = doc!.text;
    expect(text.startsWith('2月8日雷军发布内部信称，小米集团正式组建高端化战略工作组')).toBe(true);
    expect(text).toContain('\n以下是雷军内部信原文：\n小米同学们，大家新年好！');
    expect(text.endsWith('4000+ 价格段安卓销量冠军。')).toBe(true);
    for (const noise of ['EM_StockImg', 'K图', '文章来源', '返回首页', 'http', '\r', '<']) expect(text).not.toContain(noise);
  });

  it('reads a Jekyll post with no offset in its date and an eastmoney link as id', async () => {
    const [doc] = await ingestFixture('finews/2021-12-08-202112082206703990.md');
    expect(doc!.meta).toMatchObject({ id: '202112082206703990', publishedAt: '2021-12-08T10:18:31+08:00', source: '东方财富' });
  });

  it('reads a Jekyll post with two widgets (Shenzhen and Hong Kong listings)', async () => {
    const [doc] = await ingestFixture('finews/2022-02-11-NW202202112274017262.md');
    expect(doc!.meta.tickers).toEqual(['HK:02338', 'SZ:000338']);
    expect(doc!.meta.source).toBe('每日经济新闻');
  });

  it('reads a Hexo post: GMT date, single-quoted title, category list', async () => {
    const [doc] = await ingestFixture('36kr/LG能源的逆袭之路能否持久？.md');
    expect(doc!.meta).toMatchObject({
      title: 'LG能源的逆袭之路能否持久？',
      publishedAt: '2021-07-28T05:48:04+00:00',
      categories: ['新媒体', '36kr', '资讯'],
      source: '36kr',
    });
    expect(doc!.blocks.some((b) => b.kind === 'heading' && doc!.text.slice(b.start, b.end) === '时势造就LG能源')).toBe(true);
  });

  it('keeps full-width digits and punctuation of OFweek as written', async () => {
    const [doc] = await ingestFixture('ofweek/特斯拉价格又上调，CEO马斯克曾表示：连续几个季度产能不足.md');
    expect(doc!.text).toContain('同比下降了53．2％');
  });

  it('reads a feed record: content as given, datetime, source name, url', async () => {
    const docs = await ingestFixture('feeds/ths_2026-06-02_677144636.jsonl');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.meta).toMatchObject({
      id: '677144636',
      path: 'feeds/ths_2026-06-02_677144636.jsonl#1',
      title: '阿里内部复盘外卖大战得失：即时零售的竞争刚开始',
      publishedAt: '2026-06-02T10:47:16+08:00',
      source: '同花顺',
      url: 'https://news.10jqka.com.cn/20260602/c677144636.shtml',
    });
    expect(docs[0]!.text.startsWith('据了解，2026年5月，阿里发生了两个安静但重要的人事变化')).toBe(true);
  });

  it('keeps the leading 【headline】 of a telegraph record', async () => {
    const [doc] = await ingestFixture('feeds/cls_2026-05-15_2371994.jsonl');
    expect(doc!.text.startsWith('【中芯国际赵海军：对今年整体运营情况更加乐观】财联社5月15日电')).toBe(true);
  });

  it('reads a Reuters wire: header lines, EDT dateline, English', async () => {
    const [doc] = await ingestFixture('reuters/us-apple-cook-idUSBRE84T03O20120530.txt');
    expect(doc!.meta).toMatchObject({
      id: 'USBRE84T03O20120530',
      title: 'Apple CEO sees TV as area of "intense interest"',
      publishedAt: '2012-05-30T02:45:00-04:00',
      source: 'Reuters',
      language: 'en',
    });
    expect(doc!.text.startsWith('RANCHOS PALOS VERDES, California (Reuters) - Apple Inc Chief Executive Tim Cook')).toBe(true);
  });

  it('reads a Reuters repost: [ad_1] markers removed, entities in the title decoded, post_date used', async () => {
    const [doc] = await ingestFixture('reuters-2016/2016-04-28-chinas-xiaomi-aims-to-double-smart-home-device-sales-this-year-to-1-54-billion.md');
    expect(doc!.meta.title).toBe("China's Xiaomi aims to double smart home device sales this year to $1.54 billion");
    expect(doc!.meta.publishedAt).toBe('2016-04-28T05:26:03+08:00');
    expect(doc!.meta.id).toBe('USKCN0XP0CP');
    expect(doc!.text).not.toContain('[ad_');
    expect(doc!.text.startsWith('BEIJING Chinese smartphone maker Xiaomi Inc')).toBe(true);
  });
});

describe('listings written in wire text', () => {
  it('adds ( 1211.HK ) ( 002594.SZ ) of a Reuters story to its tickers', async () => {
    const [doc] = await ingestFixture('reuters/us-byd-comeback-idUSBRE97P00T20130826.txt');
    expect(doc!.meta.tickers).toEqual(expect.arrayContaining(['HK:01211', 'SZ:002594']));
  });
});
