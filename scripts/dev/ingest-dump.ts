import { findArticleFiles, ingestFile } from '../../src/ingest/index.ts';
const { files } = await findArticleFiles(process.argv[2]!);
for (const f of files) for await (const r of ingestFile(f)) {
  if (r.ok) console.log(JSON.stringify({ ...r.doc.meta, text: r.doc.text.slice(0, Number(process.argv[3] ?? 120)) , len: r.doc.text.length, warnings: r.warnings}, null, 0));
  else console.log('ERR', JSON.stringify(r.error));
}
