export declare const BUILD_OUTPUTS: string[];
export declare const BUILD_INPUTS: string[];
export declare function buildIsStale(root: string): boolean;
export declare function buildIfStale(root: string): Promise<string | null>;
