export * from "./app-meta";
export * from "./changes";
export * from "./documents";
export * from "./fetch-runs";
export * from "./platforms";
export * from "./snapshots";
export * from "./versions";
