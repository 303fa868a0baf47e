// Barrel: filled in as the backend modules land.
export {};
