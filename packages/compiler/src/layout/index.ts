// Barrel: filled in as the layout modules land.
export {};
