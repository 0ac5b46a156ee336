interface ImportMetaEnv {
  /** The origin the example vendor apps are served from; set by start.js. */
  readonly VITE_VENDOR_ORIGIN: string;
}
