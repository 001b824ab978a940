/** Types of build.mjs, for the TypeScript that imports it (benchmarks, browser-test setup). */
export declare const webSources: string[];
export declare const serverSources: string[];
export declare function webBuildIsStale(root?: string): boolean;
export declare function buildWeb(root?: string): Promise<void>;
export declare function buildServer(root?: string): Promise<void>;
export declare function ensureWebBuilt(log?: (line: string) => void): Promise<boolean>;
export declare function ensureServerBuilt(log?: (line: string) => void): Promise<boolean>;
