import * as pkijs from "pkijs";
import { webcrypto } from "node:crypto";

// pkijs needs a WebCrypto implementation; Node's own is the one to trust. Set once per process.
pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }));

export { pkijs };
