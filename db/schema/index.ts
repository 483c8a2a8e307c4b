export * from "./org";
export * from "./auth";
export * from "./audit";
export * from "./reference";
export * from "./files";
export * from "./signatures";
export * from "./documents";
export * from "./official-documents";
