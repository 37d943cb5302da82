/** Alibaba Cloud DNS PrivateZone resources. */

// The classes and their types, written out (generated from the models): a program loads the
// classes, not the schemas or the cloud clients, and compiles against no type derived from them.
export * from "./classes";
// Lookups: functions that find existing objects, and their types (generated from lookups/*.ts).
export * from "./functions";
