// Barrel: filled in as the templates modules land.
export {};
