/** The project's folder. */
export declare const root: string;

/** Where nodejieba is installed, its patches, and whether its binary was built from them. */
export declare function jiebaPatchState(): {
  jiebaDir: string;
  binary: string;
  marker: string;
  patches: string[];
  wanted: string;
  built: boolean;
};
