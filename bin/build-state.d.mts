/** The project's folder. */
export declare const root: string;
/** The file `npm run build` writes into dist/ once tsc has finished. */
export declare function buildStamp(project?: string): string;
/** The compiled file of `source` (such as src/cli.ts) when dist/ is a complete build of the current src/; else null. */
export declare function builtFile(source: string, project?: string): string | null;
