// Barrel: filled in as the build modules land.
export {};
