/** The part of pako (1.x, no bundled types) that the TIFF decoder and its tests use. */
declare module 'pako' {
  const pako: {
    inflateRaw(data: Uint8Array): Uint8Array;
    deflate(data: Uint8Array): Uint8Array;
  };
  export default pako;
}
