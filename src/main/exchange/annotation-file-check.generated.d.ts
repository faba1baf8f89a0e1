/** The check scripts/annotation-file-check.ts writes into annotation-file-check.generated.js. */
export declare const zodToo: boolean;
export declare function validate(value: unknown): boolean;
