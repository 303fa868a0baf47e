// Barrel: filled in as the data modules land.
export {};
