import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Extensions read as articles; files with no extension are sniffed for text. */
export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt', '.jsonl']);

export interface FoundFile {
  /** path relative to the input folder, forward slashes */
  relPath: string;
  absPath: string;
  /** true when the name has no extension: its content decides whether it is text */
  sniff: boolean;
  /** the file's bytes when the caller already holds them (map input given as {path, content}); else read from absPath */
  content?: Uint8Array;
}

export interface WalkProblem {
  relPath: string;
  code: 'unreadable';
  message: string;
}

/**
 * Lists the article files below `root`, sorted by relative path so the walk
 * order never shows in the output. Hidden entries and node_modules are
 * skipped; a symlinked folder is entered once, by its real path, so links
 * cannot make the walk loop.
 */
export async function findArticleFiles(root: string): Promise<{ files: FoundFile[]; problems: WalkProblem[] }> {
  const files: FoundFile[] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();

  async function visit(absDir: string, relDir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(absDir);
    } catch (error) {
      problems.push({ relPath: relDir || '.', code: 'unreadable', message: `Cannot open folder: ${(error as Error).message}` });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(absDir, { withFileTypes: true });
    } catch (error) {
      problems.push({ relPath: relDir || '.', code: 'unreadable', message: `Cannot list folder: ${(error as Error).message}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const abs = path.join(absDir, entry.name);
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = await fs.stat(abs);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          problems.push({ relPath: rel, code: 'unreadable', message: 'Broken symbolic link: its target does not exist' });
          continue;
        }
      }
      if (isDir) {
        await visit(abs, rel);
      } else if (isFile) {
        const ext = path.extname(entry.name).toLowerCase();
        if (ARTICLE_EXTENSIONS.has(ext)) files.push({ relPath: rel, absPath: abs, sniff: false });
        else if (ext === '') files.push({ relPath: rel, absPath: abs, sniff: true });
      }
    }
  }

  await visit(root, '');
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  problems.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  return { files, problems };
}
