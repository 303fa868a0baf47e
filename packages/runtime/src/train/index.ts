// Barrel: filled in as the train modules land.
export {};
