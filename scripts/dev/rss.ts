// Where the warm process's memory goes: RSS after each resource is loaded.
const rss = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
const heap = () => Math.round(process.memoryUsage().heapUsed / 2 ** 20);
console.log('start', rss(), heap());
const { rawCut } = await import('../../src/segment/jieba.ts');
rawCut('小米');
console.log('jieba', rss(), heap());
const { analyzeText } = await import('../../tests/pipeline/analyze-text.ts');
console.log('modules', rss(), heap());
analyzeText('小米集团今年出货量增长百分之二十，雷军表示。', { language: 'zh' } as never);
console.log('zh pipeline', rss(), heap());
analyzeText('Apple Inc said on Tuesday its revenue rose 10 percent, Tim Cook said.', { language: 'en' } as never);
console.log('en pipeline', rss(), heap());
