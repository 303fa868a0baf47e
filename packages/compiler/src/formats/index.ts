// Barrel: filled in as the formats modules land.
export {};
