// Node-only helpers (file system save/load, image files).
export {};
