/** Version of the emulator reported by `GET /_emulator/info`; bump when the wire behaviour changes. */
export const EMULATOR_VERSION = "0.1.0";
